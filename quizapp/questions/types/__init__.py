"""One module per question type, each defining one ``QuestionType``; see ``registry``."""
