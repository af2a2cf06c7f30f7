"""Classes: teachers' classes, joining with a code, invite links and rosters, assigned
banks and class reports; their pages, forms and services.

The top layer: it imports progress, study, banks and accounts, and nothing imports it
(``.importlinter``). Its tables (``SchoolClass``, ``ClassMembership``, ``Assignment``)
are declared in ``accounts.models``, below banks, because who may see a bank
(``banks.access``) and what a student studies (``study.services``) depend on memberships
and assignments; an assignment refers to its bank by table name (``"banks.id"``,
``relationship("Bank")``), so accounts never imports banks. This package owns the rows
all the same: it writes them, and deletes them when an account goes (``cleanup``). The
password-reset links a teacher makes from a class page are accounts' own
(``accounts.reset_links``): the student uses them on an accounts page.
"""

from . import cleanup  # noqa: F401 - connects the account-deletion receiver
