"""Banks in other tools' formats: Anki, Moodle XML, GIFT, Anki and Quizlet text, and a
gradebook a Moodle course imports. Each format writes what the question types' export
hooks give it (``quizapp.questions.base``); nothing here switches on a type's name."""
