"""Banks to and from other tools' formats: Anki, Moodle XML, GIFT, Anki and Quizlet text,
and a gradebook a Moodle course imports. Each format reads or writes through the question
types' hooks (``quizapp.questions.base``); nothing here switches on a type's name."""
