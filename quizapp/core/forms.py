"""The base of every form: Flask-WTF's, with each field reading only what it can hold."""

from typing import Any, TypeVar

from flask import request
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from werkzeug.datastructures import CombinedMultiDict, MultiDict

_Data = TypeVar("_Data")


class Form(FlaskForm):
    """A FlaskForm whose text fields never see an uploaded file.

    Flask-WTF merges ``request.files`` into the data every field reads, so a file posted
    under a text field's name reaches its validators as a FileStorage (and ``len()`` of it
    raises). Here files go to file fields only, and a JSON body is not a form.
    """

    class Meta(FlaskForm.Meta):
        def wrap_formdata(self, form: Any, formdata: Any) -> Any:
            wrapped = super().wrap_formdata(form, formdata)
            if wrapped is None or wrapped is formdata:
                return wrapped  # not submitted, or data the caller gave
            file_fields = {name for name, field in form._fields.items()
                           if isinstance(field, FileField)}
            files = MultiDict([(name, upload) for name, upload
                               in request.files.items(multi=True) if name in file_fields])
            return CombinedMultiDict((files, request.form)) if files else request.form


def validated(data: _Data | None) -> _Data:
    """The data of a required field (DataRequired or InputRequired), read after the form
    validated: a field left out of the post has None, and those validators refuse it."""
    assert data is not None, "a required field read before its form validated"
    return data
