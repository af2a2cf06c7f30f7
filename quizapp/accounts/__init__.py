"""Accounts: users, logging in, settings, password-reset links, and deleting an account.

Below banks, study, progress and classes, above core: it imports none of them. It also
declares the tables of classes (``SchoolClass``, ``ClassMembership``, ``Assignment``) in
``models``: who may see a bank and what a student studies depend on them, and those
features sit below classes. The package ``classes`` owns and writes those rows. Deleting
an account sends ``signals.account_deleted``; each feature removes its own rows there.
"""
