"""Credits: the sources an article names for its information.

Two kinds of credit are read. *Wires*: agencies and outlets from
``cues/wires.yaml`` in the shapes wire copy signs with — a dateline
(``Roma, 11 nov. (askanews) –``, ``NUR-SULTAN. KAZINFORM –``), a tag
(``(Reuters)``, ``/ТАСС/``), a ``Fonte:`` label, a copyright line, a line of
its own, a dash signature (``– Sputnik``), a photo credit, or a crediting word
next to the name ("according to Reuters", "со ссылкой на ТАСС"). *Origins*:
institutions from the entities layer named as the source — a press service
("servizio stampa del Cremlino" → "Kremlin press service"), an institution
with a verb of reporting ("ha reso noto Palazzo Chigi", "the Treasury
Department said"), a document it issued ("una nota di Palazzo Chigi") or a
trailing "according to" ("…, selon l'Élysée"), the people inside it ("fonti di
Palazzo Chigi"), or cited by an agency ("Interfax, citing the ministry"). Institutions
named only by a description and unnamed spokespeople are read in ``described``. An
outlet that is the subject of a verb other than one of saying ("Reuters announced job
cuts") is news about the outlet, not a credit. A sentence that *opens* with
"according to" attributes a claim rather than crediting a source, and people
and platforms (Telegram, X) are never credits. Each source is listed once, at
its first mention; every credit carries the ``chain`` from origin to publisher.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ...record import COPYRIGHT, PHOTO, Credit, Entity
from ...resources import load_resource
from ...resources.languages import words_of_every_language
from ...resources.wires import load_wires
from ..doc import in_body
from ..entities.mentions import entity_of, published_mentions
from ..text import cue_lists, doc_text, phrase_pattern
from .described import DescribedSources
from .found import Found
from .reading import opens_sentence, provenance_chain, subject_verb

__all__ = ["CreditFinder", "provenance_chain"]

_WINDOW = 60  # characters looked at around a name for crediting words
_JOINT_TAG_BEFORE = re.compile(r"\(\s*(?:[\w.]{2,20}\s*[-/,+]\s*){0,3}$")
_JOINT_TAG_AFTER = re.compile(r"^\s*(?:[-/,+]\s*[\w.]{2,20}\s*){0,3}\)")
_STAMP_BEFORE = re.compile(r"^\s*\d{1,2}[./-]\d{1,2}[./-]\d{2,4}(?:\s*[,|–—-]?\s*\d{1,2}[:.]\d{2})?\s*[,|–—-]\s*$")
_CELLS_AFTER = re.compile(r"^\s*\|")  # "Agency | Place | Updated: …"


def _alternation(phrases, *, flags=re.IGNORECASE, before: str = "", after: str = "") -> re.Pattern | None:
    phrases = sorted({p for p in phrases if p and p.strip()}, key=len, reverse=True)
    if not phrases:
        return None
    return re.compile(before + "(?:" + "|".join(phrase_pattern(p) for p in phrases) + ")" + after, flags)


class CreditFinder:
    def __init__(self, nlp: Language, name: str, resources: tuple[str, ...] = (), actors: tuple[str, ...] = ()):
        lang = nlp.lang
        self.actors = tuple(actors)
        wires = load_wires(tuple(resources))
        cues = cue_lists("cues/credits.yaml", load_resource("cues/credits.yaml", tuple(resources)), lang, "E151")
        # an article before the source's name, in any language: wires name foreign sources in theirs
        article = r"(?:(?:" + "|".join(phrase_pattern(a) for a in sorted(words_of_every_language(
            "articles", tuple(resources)), key=len, reverse=True)) + r")\s*)?"

        self.wire_of: dict[str, dict] = {}
        for wire in wires:
            for alias in [wire["name"], *wire.get("aliases", [])]:
                self.wire_of.setdefault(alias, wire)
        self.wire_names = {wire["name"] for wire in wires}
        self.alias_re = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(a) for a in sorted(self.wire_of, key=len, reverse=True)) + r")(?!\w)")
        self.label_re = _alternation(cues("source_label"), flags=0, after=r"\s*[:：]\s*" + r"\(?\s*$")
        self.copyright_re = _alternation(cues("copyright"), flags=0, after=r"\s*(?:\d{4}\s*)?$")
        self.before_re = _alternation(cues("wire_before"), before=r"(?<!\w)",  # one adjective may follow:
                                      after=r"(?:\s+[^\W\d_A-ZА-Я][\w-]*)?\s+" + article + r"$")  # "agenzia russa Tass"
        # used with .match; "Sputnik, citando fonti militari, …": an outlet citing someone is a source
        self.after_re = _alternation([*cues("wire_after"), *cues("citing")], before=r"\s*,?\s*", after=r"(?!\w)")
        self.pool_re = _alternation(cues("photo_pool"), flags=0, before=r"^\s*", after=r"\s+\S")
        self.not_credits = set(cues("not_credits"))
        self.press = []
        for template in cues("press_service"):
            prefix, _, suffix = template.partition("{org}")
            self.press.append((
                re.compile(phrase_pattern(prefix) + r"\s*$", re.IGNORECASE) if prefix.strip() else None,
                re.compile(r"^\s*" + phrase_pattern(suffix), re.IGNORECASE) if suffix.strip() else None,
                prefix, suffix))
        reporting = cues("reporting")
        citing = cues("citing")  # "Interfax, citing the ministry": the cited institution is a source too
        adverbs = "|".join(phrase_pattern(a) for a in sorted(set(cues("adverbs")), key=len, reverse=True)) or "(?!)"
        self.report_before_re = _alternation(
            [*reporting, *citing], before=r"(?<!\w)", after=r"(?:\s+(?:" + adverbs + r")){0,2}\s+" + article + r"$")
        self.report_after_re = _alternation(
            reporting, before=r"^\s*(?:[\w.’'-]+\s+){0,2}", after=r"(?!\w)")
        documents = cues("document")
        issued = cues("issued_by")
        self.document_re = None
        if documents:
            issued_part = "(?:" + "|".join(phrase_pattern(i) for i in sorted(issued, key=len, reverse=True)) + r")\s*" \
                if issued else ""
            self.document_re = re.compile(
                r"(?<!\w)(?:" + "|".join(phrase_pattern(d) for d in sorted(documents, key=len, reverse=True)) + r")"
                r"(?:\s+[\w-]+){0,2}\s+" + issued_part + article + r"$", re.IGNORECASE)
        self.insiders_re = _alternation(cues("insiders"), before=r"(?<!\w)", after=r"\s*" + article + r"$")
        self.according_re = _alternation(cues("according"), before=r"(?<!\w)", after=r"\s+" + article + r"$")
        # the reporting verbs' own words, for the parse: an institution as their subject is a source
        self.saying = {phrase.split()[-1].lower() for phrase in reporting if phrase.strip()}
        # verbs an outlet reports with even when they take a thing ("Reuters reported the attack")
        self.wire_verbs = {phrase.split()[-1].lower() for phrase in cues("wire_after") if phrase.strip()} | {
            word.lower() for phrase in citing for word in phrase.split() if len(word) > 4}
        # every word of the crediting phrases: an outlet that is the subject of one of them is a source
        self.crediting_words = {word.lower() for phrase in [*reporting, *citing, *cues("wire_after"), *cues("wire_before")]
                                for word in phrase.split()} | self.wire_verbs
        self.described = DescribedSources(lang, cues, [prefix for _, _, prefix, _ in self.press if prefix.strip()])
        self.resources = tuple(resources)
        self._base = None
        self._media: dict[str, str] = {}
        self._base_tried = False

    # -- the component --------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        context = doc._.context
        text = doc_text(doc)
        found = self._wires(doc, text) + self._origins(doc, text)
        found.sort(key=lambda f: f.start)
        credits: list[Credit] = []
        seen: set[str] = set()
        via: dict[str, str] = {}  # the spokesperson before an institution in the chain, where one spoke for it
        for item in found:
            if item.name in self.not_credits:
                continue
            if item.name in seen:
                continue
            seen.add(item.name)
            if item.via:
                via[item.name] = item.via
            actor = item.actor or (self._media_ids().get(item.name) if item.role == "wire" else None)
            credits.append(Credit(name=item.name, role=item.role, start=item.start, end=item.end, actor=actor))
        # the site that published the article (HTML/JSONL input): an empty span at 0 when the text never names it
        publisher = (context.article.publisher or "").strip() if context else ""
        if publisher and publisher not in seen:
            where = text.find(publisher, context.body_start)
            start, end = (where, where + len(publisher)) if where >= 0 else (0, 0)
            credits.append(Credit(name=publisher, role="publisher", start=start, end=end))
        photo = {item.name for item in found if item.photo}
        chain = provenance_chain(credits, exclude=photo, via=via)
        for credit in credits:
            credit.chain = list(chain)
        doc._.credits = credits
        return doc

    # -- wires ----------------------------------------------------------------------------
    def _wires(self, doc: Doc, text: str) -> list[Found]:
        context = doc._.context
        body_start = context.body_start if context else 0
        dateline = doc._.dateline
        kept_not_body = [(n.start, n.end, n.why) for n in (doc._.not_body or [])]
        found = []
        for match in self.alias_re.finditer(text, body_start):
            start, end = match.span()
            alias = match.group()
            wire = self.wire_of[alias]
            why = next((w for a, b, w in kept_not_body if a <= start < b), None)
            line_start = text.rfind("\n", 0, start) + 1
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            line = text[line_start:line_end]
            before, after = text[line_start:start], text[end:line_end]
            photo = False
            if why is not None:
                if why == COPYRIGHT:
                    if not self._copyright(before):
                        continue
                elif why == PHOTO and "/" in line and "(" not in line:
                    photo = True  # a photo credit line "Pool Moncloa / Fernando Calvo"
                else:
                    continue  # captions and bylines name photographers' agencies, not sources
            if not photo and not self._credits_wire(text, start, end, before, after, line, wire, dateline, doc):
                continue
            found.append(Found(wire["name"], "wire", start, end, photo=photo))
        found.extend(self._pools(doc, text))
        return found

    def _credits_wire(self, text, start, end, before, after, line, wire, dateline, doc=None) -> bool:
        if dateline is not None and dateline.start - 40 <= start and end <= dateline.end + 40 \
                and text.rfind("\n", 0, start) < dateline.start \
                and (start < dateline.end or (not re.search(r"\w", text[dateline.end:start])
                                              and re.match(r"\s*[-–—/|:.,)\]]", text[end:]))):
            return True  # in the dateline or its tag, not in the sentence after it
        stripped_before, stripped_after = before.rstrip(), after.lstrip()
        if stripped_before.endswith(("(", "/", "[")) and stripped_after.startswith((")", "/", "]")):
            return True  # (Reuters) /ТАСС/ [AGI]
        if stripped_before.endswith("/") and not stripped_after.strip(" .;)"):
            return True  # a signature closing the text: "… entro giugno./ATS"
        if _STAMP_BEFORE.match(before):
            return True  # a stamp: "12.06.2023, Agenzia Nova"
        if not before.strip() and _CELLS_AFTER.match(after):
            return True  # "Reuters | London | Updated: …"
        if _JOINT_TAG_BEFORE.search(before) and _JOINT_TAG_AFTER.match(after):
            return True  # (ANSA-AFP) (dpa/AFP)
        if not line.strip(" \t-–—.:()[]").replace(text[start:end], "", 1).strip(" \t-–—.:()[]"):
            return True  # the name alone on its line
        if self.label_re and self.label_re.search(before):
            return True  # Fonte: RIA Novosti
        if self._copyright(before):
            return True
        if re.fullmatch(r"\s*[-–—]\s*", before[-3:] if len(before) >= 3 else before) and not after.strip(" .)"):
            return True  # "– Sputnik" closing a paragraph
        if not before.strip() and re.match(r"\s*(?:/\s*\w|[-–—]\s)", after):
            return True  # "Europa Press/Madrid -", "KAZINFORM – "
        if doc is not None and self._topic(doc, start, end):
            return False  # "Reuters announced job cuts": news about the outlet, not from it
        window = text[max(0, start - _WINDOW):start]
        if self.before_re and self.before_re.search(window):
            return True
        if self.after_re and self.after_re.match(text, end, min(len(text), end + _WINDOW)):
            return True
        alias = text[start:end]
        return len(alias) >= 5 and not wire.get("tag_only", False)

    def _topic(self, doc: Doc, start: int, end: int) -> bool:
        """On the parse: the outlet (or "the agency X") is the subject of a verb that is not one
        of saying, or of one that takes a thing and no clause ("annunciato la chiusura")."""
        verb = subject_verb(doc, start, end, lift=True)
        if verb is None:
            return False
        joined = [verb, *(c for c in verb.children if c.dep_ == "conj")]
        if not any(v.lower_ in self.crediting_words for v in joined):
            return True
        if verb.lower_ in self.wire_verbs:
            return False
        deps = {c.dep_.split(":")[0] for c in verb.children if c.dep_ != "parataxis" or c.pos_ in ("VERB", "AUX")}
        return "obj" in deps and not deps & {"ccomp", "parataxis", "xcomp", "csubj"}

    def _copyright(self, before: str) -> bool:
        return bool(self.copyright_re and self.copyright_re.search(before))

    def _pools(self, doc: Doc, text: str) -> list[Found]:
        """Photo pools credited on a photo credit line: "Pool Moncloa / Fernando Calvo"."""
        found = []
        if self.pool_re is None:
            return found
        for item in doc._.not_body or []:
            if item.why != PHOTO:
                continue
            offset = item.start
            for part in text[item.start:item.end].split("/"):
                name = part.strip()
                if name and self.pool_re.match(name):
                    start = offset + part.index(name)
                    found.append(Found(name, "wire", start, start + len(name), photo=True))
                offset += len(part) + 1
        return found

    # -- origins --------------------------------------------------------------------------
    def _origins(self, doc: Doc, text: str) -> list[Found]:
        dateline = doc._.dateline
        found = []
        for mention in published_mentions(doc)[0]:
            entity = entity_of(mention)
            if entity.kind != "organization" or not entity.canonical:
                continue
            if entity.canonical in self.wire_names or entity.canonical in self.not_credits:
                continue
            if not in_body(doc, entity.start, entity.end):
                continue
            if self._is_media(entity.actor):
                # an outlet the actor base knows but wires.yaml does not: credited like a wire
                line_start = text.rfind("\n", 0, entity.start) + 1
                line_end = text.find("\n", entity.end)
                line_end = len(text) if line_end < 0 else line_end
                if self._credits_wire(text, entity.start, entity.end, text[line_start:entity.start],
                                      text[entity.end:line_end], text[line_start:line_end], {"tag_only": True},
                                      dateline):
                    found.append(Found(entity.canonical, "wire", entity.start, entity.end, entity.actor))
                continue
            spokesperson = self.described.spokesperson_of(doc, text, entity, self._actor_base())
            if spokesperson is not None and spokesperson[2]:
                continue  # "il portavoce del Cremlino" is Peskov, named in the article: a person, not a credit
            credit = self._press_service(text, entity) or self._spokesperson(doc, text, entity, spokesperson)
            if credit is None and self.credited_span(doc, text, entity.start, entity.end):
                credit = Found(entity.canonical, "origin", entity.start, entity.end, entity.actor)
            if credit is not None:
                found.append(credit)
        found.extend(self.described.find(doc, text, self._actor_base(), self.credited_span,
                                         lambda start, end: in_body(doc, start, end)))
        return found

    def _actor_base(self):
        if not self._base_tried:
            self._base_tried = True
            try:
                from ...resources.actors import load_actor_base

                self._base = load_actor_base(self.actors, self.resources)
                self._media = {o.name: o.id for o in self._base.organizations() if o.type == "media"}
            except Exception:  # noqa: BLE001 - without the actor base every institution is an origin
                self._base = None
        return self._base

    def _media_ids(self) -> dict[str, str]:
        """Canonical outlet name → actor id, for the wires the actor base knows."""
        self._actor_base()
        return self._media

    def _is_media(self, actor_id: str | None) -> bool:
        base = self._actor_base() if actor_id else None
        actor = base.get(actor_id) if base is not None else None
        return getattr(actor, "type", None) == "media"

    def _press_service(self, text: str, entity: Entity) -> Found | None:
        """ "servizio stampa del Cremlino", "Akorda press service" → "<institution> press service"."""
        start, end = entity.start, entity.end
        before, after = self._around(text, start, end)
        for prefix_re, suffix_re, prefix, suffix in self.press:
            head = prefix_re.search(before) if prefix_re else None
            tail = suffix_re.match(after) if suffix_re else None
            if (prefix_re is None or head) and (suffix_re is None or tail) and (head or tail):
                span_start = start - (len(before) - head.start()) if head else start
                span_end = end + tail.end() if tail else end
                return Found(f"{entity.canonical} press service", "origin", span_start, span_end, entity.actor)
        return None

    def _spokesperson(self, doc: Doc, text: str, entity: Entity, spokesperson) -> Found | None:
        """ "la portavoce di Palazzo Chigi ha spiegato": the institution, with its spokesperson
        as the step before it in the chain."""
        if spokesperson is None or not self.credited_span(doc, text, spokesperson[0], spokesperson[1]):
            return None
        start, end, _ = spokesperson
        return Found(entity.canonical, "origin", start, end, entity.actor, via=f"{entity.canonical} spokesperson")

    @staticmethod
    def _around(text: str, start: int, end: int) -> tuple[str, str]:
        """The words on the same line within the window before and after a span."""
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        return text[max(line_start, start - _WINDOW):start], text[end:min(line_end, end + _WINDOW)]

    def credited_span(self, doc: Doc, text: str, start: int, end: int) -> bool:
        """Whether the words at ``start:end`` name the source of the information: next to a verb
        of reporting ("ha reso noto Palazzo Chigi", "the Treasury said"), the subject of one however
        far it stands, the issuer of a document ("una nota di Palazzo Chigi"), the people inside it
        ("fonti di Palazzo Chigi"), cited ("citing the ministry"), or a trailing "according to"."""
        before, after = self._around(text, start, end)
        if self.report_before_re and self.report_before_re.search(before):
            return True
        if self.report_after_re and self.report_after_re.match(after):
            return True
        if self.document_re and self.document_re.search(before):
            return True
        if self.insiders_re and self.insiders_re.search(before):
            return True
        if self.according_re:
            cue = self.according_re.search(before)
            if cue and not opens_sentence(text, start - (len(before) - cue.start())):
                return True
        return self._reporting_subject(doc, start, end)

    def _reporting_subject(self, doc: Doc, start: int, end: int) -> bool:
        """On the parse: the span is the subject of a verb of saying, however far the verb
        stands ("La Farnesina, in un comunicato, ha precisato che …")."""
        verb = subject_verb(doc, start, end)
        if verb is None:
            return False
        # the verb, or a verb joined to it that shares its subject ("…, diffuso in serata, ha precisato")
        shared = [c for c in verb.children if c.dep_ == "conj" and not any(g.dep_.startswith("nsubj") for g in c.children)]
        return any(v.lower_ in self.saying for v in (verb, *shared))


@Language.factory(
    "dispacci_credits",
    assigns=["doc._.credits"],
    requires=["doc._.context", "doc._.not_body", "doc._.dateline", "doc._.article_date", "doc._.entities", "doc.spans", "span._.entity",
              "doc._.parsed", "token.dep", "token.head", "token.lemma"],
    default_config={"resources": [], "actors": []},
)
def make_credit_finder(nlp: Language, name: str, resources: list[str], actors: list[str]):
    return CreditFinder(nlp, name, tuple(resources), tuple(actors))
