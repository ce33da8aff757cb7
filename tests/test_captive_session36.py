"""Captives (issue 8, session 36): a list of captives named again through "الرهائن، وهم …" is
held when the rest of its sentence tells captivity and no release; captives counted first and
freed after, the release told with a pronoun that names them; the phase of a batch named after
the figure past a comma, and an earlier batch recalled after "بعد أن" kept out of the phase."""

from crosscheck.extract.extractor import extract_text


def _claims(text):
    return [(c.kind, c.value) for c in extract_text(text) if c.kind != "other"]


def _events(text):
    return {(c.kind, c.value): c.event for c in extract_text(text) if c.kind != "other"}


RECALLED = "خطف مسلحون سياحا في الصحراء. وكان الجيش قد حرر 16 رهينة في عملية عسكرية. "


def test_captives_named_again_still_in_captivity_are_held():
    claims = _claims(RECALLED + "وقالت المصادر إن الرهائن، وهم تسعة ألمان وأربعة سويسريين، يعانون من "
                     "الإرهاق بعد أربعة أشهر في الأسر")
    assert ("hostages_held", 9) in claims and ("hostages_held", 4) in claims
    assert ("hostages_released", 9) not in claims


def test_captives_named_again_and_returned_keep_the_release():
    claims = _claims(RECALLED + "وقالت المصادر إن الرهائن، وهم تسعة ألمان، عادوا إلى بلادهم بعد أربعة أشهر في الأسر")
    assert ("hostages_released", 9) in claims and ("hostages_held", 9) not in claims


def test_release_told_after_the_figure_with_its_pronoun():
    text = ("وخطف مسلحون تلميذات من المدرسة. ووصلت 82 تلميذة إلى العاصمة صباح الأحد، بعد يوم من "
            "إطلاقهن في صفقة مع الحكومة")
    assert ("hostages_released", 82) in _claims(text)


def test_release_only_sought_is_no_release():
    text = "وخطف مسلحون عمالا من الموقع. وتظاهر 40 من ذويهم أمام المقر للمطالبة بالإفراج عنهم"
    assert ("hostages_released", 40) not in _claims(text)


def test_phase_named_after_the_figure_past_a_comma():
    ev = _events("وأطلقت السلطات سراح 30 أسيرا، ضمن الدفعة الخامسة من صفقة التبادل")
    assert ev[("prisoners_released", 30)] == "phase:5"


def test_recalled_batches_do_not_take_the_phase_named_before_them():
    ev = _events("تبادل البلدان، الأحد، 303 أسرى من كل جانب، في المرحلة الثالثة من الصفقة، بعد أن "
                 "تبادلا 390 الجمعة و307 السبت")
    assert ev[("prisoners_released", 303)] == "phase:3"
    assert ev[("prisoners_released", 390)] != "phase:3"
    assert ev.get(("prisoners_released", 307)) != "phase:3"


def test_a_figure_between_keeps_the_phase_to_its_own_figure():
    ev = _events("وأفرجت الحركة عن 12 رهينة، وأفرجت السلطات عن 30 أسيرا في الدفعة الثانية")
    assert ev.get(("hostages_released", 12)) != "phase:2"


def test_the_release_phrases_hide_no_prisoner_cue():
    # (before: "بعد الإفراج عنهم", a phrase of hostages_released_after, shadowed the prisoner
    # rule's "الإفراج عنهم" in an article with no abduction, and the figure was lost)
    claims = _claims("وخطف مسلحون جنديا. ووصل 26 أسيرا إلى المدينة بعد الإفراج عنهم في صفقة التبادل")
    assert ("prisoners_released", 26) in claims
