"""Accounts: users, logging in, settings, and classes."""
