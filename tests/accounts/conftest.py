from ..people import PASSWORD, csrf_token, login, post  # noqa: F401 - used by the tests here
