"""Persuasion techniques: SemEval-2023 Task 3 labels as spans, from lexicons written as data.

Lexicon phrases match forms and lemmas, prefixes (``sanguinar*``) and entity slots
(``regime di <ENT>``), in the six languages; the sentences are written for these tests.
Training and scoring read the task's official format; the tiny data set here is made
up, so its F1 only shows that the plumbing works.
"""
from __future__ import annotations

import json

import pytest

from dispacci.errors import ResourceError
from dispacci.record import TECHNIQUES


def _techniques(pipeline, text: str, lang: str) -> set[tuple[str, str]]:
    record = pipeline.analyze(text, language=lang)
    for item in record.techniques:
        assert record.text[item.start:item.end] == item.text and 0 <= item.score <= 1
    return {(t.technique, t.text) for t in record.techniques}


def test_the_labels_are_the_23_of_the_task():
    assert len(TECHNIQUES) == len(set(TECHNIQUES)) == 23
    assert {"Loaded_Language", "Name_Calling-Labeling", "Exaggeration-Minimisation", "False_Dilemma-No_Choice",
            "Obfuscation-Vagueness-Confusion", "Appeal_to_Fear-Prejudice", "Appeal_to_Time"} <= set(TECHNIQUES)


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Il governo ha denunciato i crimini sanguinari commessi dal regime di Zelensky nel Donbass.",
     {("Loaded_Language", "crimini sanguinari"), ("Name_Calling-Labeling", "regime di Zelensky")}),
    ("it", "Un crimine sanguinario, ha detto, e un vero genocidio.",
     {("Loaded_Language", "crimine sanguinario"), ("Loaded_Language", "genocidio")}),
    ("en", "The minister said the Kyiv regime had committed genocide against its own people.",
     {("Name_Calling-Labeling", "Kyiv regime"), ("Loaded_Language", "genocide")}),
    ("fr", "Le porte-parole a dénoncé la junte de Kiev et ses crimes sanglants.",
     {("Name_Calling-Labeling", "junte"), ("Loaded_Language", "crimes sanglants")}),
    ("de", "Der Sprecher sprach von einem Völkermord und von der Entnazifizierung des Landes.",
     {("Loaded_Language", "Völkermord"), ("Loaded_Language", "Entnazifizierung")}),
    ("es", "El portavoz habló de los crímenes sangrientos del régimen de Kiev.",
     {("Loaded_Language", "crímenes sangrientos"), ("Name_Calling-Labeling", "régimen de Kiev")}),
    ("ru", "Представитель МИД обвинил киевский режим в геноциде мирного населения.",
     {("Name_Calling-Labeling", "киевский режим"), ("Loaded_Language", "геноциде")}),
    ("ru", "Он назвал это денацификацией и кровавыми преступлениями.",
     {("Loaded_Language", "денацификацией"), ("Loaded_Language", "кровавыми преступлениями")}),
])
def test_loaded_phrases_and_labels_are_found_in_any_inflection(pipeline, lang, text, expected):
    assert expected <= _techniques(pipeline, text, lang)


@pytest.mark.parametrize("lang,text,technique", [
    ("en", "Time is running out: it is now or never for the alliance.", "Appeal_to_Time"),
    ("it", "Non c'è alternativa: o con noi o contro di noi.", "False_Dilemma-No_Choice"),
    ("fr", "Et que dire de leurs propres guerres?", "Whataboutism"),
    ("de", "Es gibt keine Alternative, sagte er, und wir werden siegen.", "False_Dilemma-No_Choice"),
    ("es", "No pasarán, gritaban los manifestantes.", "Slogans"),
    ("ru", "Это экзистенциальная угроза для всей страны.", "Appeal_to_Fear-Prejudice"),
])
def test_other_techniques_have_their_phrases(pipeline, lang, text, technique):
    assert technique in {t for t, _ in _techniques(pipeline, text, lang)}


def test_ordinary_reporting_has_no_technique(pipeline):
    text = "The two ministers met in Geneva on Tuesday and agreed to meet again next month."
    assert _techniques(pipeline, text, "en") == set()


def test_a_phrase_said_three_times_is_repetition(pipeline):
    text = ("We want peace and bread. The people want peace and bread. "
            "Give the children peace and bread, he shouted.")
    record = pipeline.analyze(text, language="en")
    spans = [t.text for t in record.techniques if t.technique == "Repetition"]
    assert spans == ["peace and bread"] * 3


def test_the_founding_example_gets_at_least_three_of_its_four_loaded_phrases(founding_record, founding_expected):
    found = {(t.start, t.end) for t in founding_record.techniques
             if t.technique in ("Loaded_Language", "Name_Calling-Labeling")}
    wanted = {(x["start"], x["end"]) for x in founding_expected["loaded_language"]}
    assert len(wanted & found) >= 3


def test_a_user_lexicon_adds_phrases_and_an_unknown_label_is_refused(pipeline, tmp_path):
    from dispacci import Pipeline

    folder = tmp_path / "mine"
    (folder / "techniques").mkdir(parents=True)
    (folder / "techniques" / "extra.yaml").write_text(
        "en:\n  Loaded_Language:\n    score: 0.9\n    phrases: [\"lunatic* fring*\"]\n", encoding="utf-8")
    mine = Pipeline(resources=[str(folder)], language="en")
    record = mine.analyze("The minister blamed the lunatic fringe for the riots.")
    assert [(t.technique, t.text, t.score) for t in record.techniques] == [("Loaded_Language", "lunatic fringe", 0.9)]
    (folder / "techniques" / "extra.yaml").write_text("en:\n  Loaded_Lingo:\n    phrases: [x]\n", encoding="utf-8")
    with pytest.raises(ResourceError) as raised:
        Pipeline(resources=[str(folder)], language="en").analyze("Some text here.")
    assert raised.value.code == "E161"


# -- SemEval-2023 Task 3 format: training and scoring ------------------------------------

_ARTICLES = {
    "it": [("Il regime criminale ha commesso un genocidio.", "Loaded_Language,Name_Calling-Labeling"),
           ("I ministri si sono incontrati a Roma.", ""),
           ("Non c'è alternativa: ora o mai più.", "False_Dilemma-No_Choice,Appeal_to_Time"),
           ("La riunione è durata tre ore.", "")],
    "en": [("The bloodthirsty regime committed genocide.", "Loaded_Language,Name_Calling-Labeling"),
           ("The ministers met in London on Monday.", ""),
           ("There is no alternative: it is now or never.", "False_Dilemma-No_Choice,Appeal_to_Time"),
           ("The meeting lasted three hours.", "")],
}


def _semeval_folder(root, copies: int = 3):
    """A made-up data set in the task's layout: <lang>/<split>-articles-subtask-3/article<id>.txt and
    <lang>/<split>-labels-subtask-3.txt with id, line and labels."""
    for lang, paragraphs in _ARTICLES.items():
        for split in ("train", "dev"):
            articles = root / lang / f"{split}-articles-subtask-3"
            articles.mkdir(parents=True)
            lines = []
            for n in range(copies):
                article = f"{lang}{split}{n}"
                (articles / f"article{article}.txt").write_text(
                    "Titolo\n\n" + "\n".join(p for p, _ in paragraphs) + "\n", encoding="utf-8")
                lines += [f"{article}\t{i}\t{labels}" for i, (_, labels) in enumerate(paragraphs, 3)]
            (root / lang / f"{split}-labels-subtask-3.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_the_task_format_is_read_paragraph_by_paragraph(tmp_path):
    from dispacci.annotate.techniques.semeval import read_folder

    paragraphs = read_folder(_semeval_folder(tmp_path), "train")
    assert len(paragraphs) == 2 * 3 * 4
    first = next(p for p in paragraphs if p.language == "en" and p.line == 3)
    assert first.text == "The bloodthirsty regime committed genocide."
    assert first.labels == {"Loaded_Language", "Name_Calling-Labeling"}


def test_a_folder_without_labels_files_is_refused(tmp_path):
    from dispacci.annotate.techniques.semeval import read_folder
    from dispacci.errors import InputError

    with pytest.raises(InputError) as raised:
        read_folder(tmp_path)
    assert raised.value.code == "E162"


def test_train_then_evaluate_from_the_command_line(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from dispacci.cli import app

    data = _semeval_folder(tmp_path / "data")
    monkeypatch.setenv("DISPACCI_DATA_HOME", str(tmp_path / "nowhere"))  # no model of the user's
    runner = CliRunner()
    trained = runner.invoke(app, ["train", "techniques", str(data), "--out", str(tmp_path / "user")])
    assert trained.exit_code == 0, trained.output
    model = json.loads((tmp_path / "user" / "models" / "techniques.json").read_text(encoding="utf-8"))
    assert model["format"] == "dispacci.techniques/1" and "Appeal_to_Time" in model["labels"]
    lexicon = runner.invoke(app, ["evaluate", "--techniques", str(data), "--lexicon-only", "--json"])
    assert lexicon.exit_code == 0, lexicon.output
    both = runner.invoke(app, ["evaluate", "--techniques", str(data), "--json", "--resources", str(tmp_path / "user")])
    assert both.exit_code == 0, both.output
    lexicon_score = json.loads(lexicon.output)["techniques"]
    both_score = json.loads(both.output)["techniques"]
    assert set(lexicon_score) == {"all", "it", "en"} and lexicon_score["all"]["paragraphs"] == 24
    # made-up data that the model was trained on: this shows the plumbing, not a figure of merit
    assert both_score["all"]["micro_f1"] >= lexicon_score["all"]["micro_f1"] and both_score["all"]["micro_f1"] > 0.5


def test_the_layer_uses_a_trained_model_as_paragraph_spans(tmp_path, monkeypatch):
    from dispacci import Pipeline
    from dispacci.annotate.techniques.model import MODEL_PATH
    from dispacci.annotate.techniques.scoring import train_folder

    monkeypatch.setenv("DISPACCI_DATA_HOME", str(tmp_path / "nowhere"))
    train_folder(_semeval_folder(tmp_path / "data")).save(tmp_path / "user" / MODEL_PATH)
    record = Pipeline(resources=[str(tmp_path / "user")], language="en").analyze(
        "Headline\n\nThe meeting lasted three hours.\nThere is no alternative: it is now or never.\n")
    learned = [t for t in record.techniques if t.source == "classifier"]
    assert learned and all(t.text == "There is no alternative: it is now or never." for t in learned)


@pytest.mark.parametrize("lang,text,mention,name", [
    ("it", "Le accuse del regime di Zelensky sono false.", "regime di Zelensky", "Zelensky"),
    ("en", "They blamed the puppet government of Kyiv for it.", "puppet government of Kyiv", "Kyiv"),
    ("fr", "Il a dénoncé la junte de Kiev hier.", "junte de Kiev", "Kiev"),
])
def test_a_name_inside_a_wider_mention_still_fills_an_entity_slot(lang, text, mention, name):
    """A model may read the words before a name into its mention; the name still opens one."""
    from types import SimpleNamespace

    import spacy

    from dispacci.annotate.techniques.component import _entity_ends

    doc = spacy.blank(lang)(text)
    start = text.index(mention)
    ends = _entity_ends(doc, [SimpleNamespace(start=start, end=start + len(mention))])
    first = doc.char_span(start, start + len(mention))
    inner = next(t.i for t in first if t.text == name)
    assert ends[first.start] == ends[inner] == first.end
