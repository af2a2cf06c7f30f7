"""What a question is, one module per type: its bank format, its checks, how it is asked,
answered, graded and described. Below banks and study: imports neither, nor Flask.

``registry`` finds a type by name; ``answers`` grades and ``presenting`` lays out, parses
and describes by asking it. To add a type: a module in ``types/`` whose ``TYPE`` is a
``base.QuestionType`` with every hook, its answering controls in
``templates/questions/<name>.html``, and its module listed in ``registry._MODULES``.
"""
