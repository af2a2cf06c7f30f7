from ..study.conftest import bank, ctx, student, studying  # noqa: F401 - the same fixtures
