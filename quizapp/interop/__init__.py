"""Banks to and from other programs' formats: Anki, Moodle, GIFT, Quizlet and CSV."""
