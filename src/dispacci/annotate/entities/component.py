"""Entities: every person, organisation, country and place an article names, resolved.

The actor base's aliases in the article's language are matched (``match``),
then each match is read in context (``resolve``): a demonym is a country
mention, a seat of government is an organisation standing for its country, a
capital is the government only where it acts ("Mosca ha risposto"), a role
phrase ("il presidente russo", "the Kremlin spokesman") gives the person named
next to it their role, or — unnamed — points to whoever held the office on the
article's date. The backbone's NER spans (``doc.ents``, from ``dispacci_syntax``)
and POS tags are merged in (``ner``): they veto gazetteer hits on common words,
keep places inside organisations' names, and bring the people, organisations
and places the base does not know (``actor: null``). More unknown people are
found after role cues, in bylines and credit lines, and from a known given
name; later short mentions ("Hebestreit") join the full name.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...resources import load_resource
from ...resources.actors import load_actor_base
from ...resources.languages import language_data, words_of_every_language
from .match import AliasMatcher
from .mentions import publish_mentions
from .resolve import Resolver

__all__ = ["EntityAnnotator"]


class EntityAnnotator:
    """The ``dispacci_entities`` component: fills ``doc._.entities`` and publishes them as token
    spans, with the backbone's names it left unlinked, in ``doc.spans`` (see ``mentions``)."""

    def __init__(self, nlp: Language, name: str, resources: tuple[str, ...] = (), actors: tuple[str, ...] = ()):
        self.base = load_actor_base(actors, resources)
        lang = nlp.lang
        names = load_resource("cues/names.yaml", tuple(resources)) or {}

        def words(key: str) -> set[str]:
            table = names.get(key) or {}
            return {str(w) for w in (*table.get("any", []), *table.get(lang, []))}

        organizations = load_resource("cues/organizations.yaml", tuple(resources)) or {}

        def org_words(key: str) -> set[str]:
            table = organizations.get(key) or {}
            return {str(w) for w in (*table.get("any", []), *table.get(lang, []))}

        entity_data = load_resource("cues/entities.yaml", tuple(resources)) or {}

        def entity_words(key: str) -> set[str]:
            table = entity_data.get(key) or {}
            return {str(w) for w in (*table.get("any", []), *table.get(lang, []))}

        quote_cues = (load_resource("cues/quotes.yaml", tuple(resources)) or {}).get(lang) or {}
        # one-word role nouns ("Regierungssprecherin", "portavoce"): a title, not part of a person's name
        roles = {str(r).lower() for r in quote_cues.get("roles") or () if " " not in str(r)}
        given = words("given_names")
        for person in self.base.people():
            first = person.name.split()[0]
            if len(first) > 2:
                given.add(first)
        given |= _library_given_names()
        given -= words("not_given_names")
        self.matcher = AliasMatcher(nlp, self.base, lang)
        self.resolver = Resolver(
            self.base, lang, given=given, credit_words=words("credit_words"), honorifics=words("honorifics"),
            particles=words("particles"), byline_cues=words("byline_cues"), joiners=words("name_joiners"),
            institution_words=words("institution_words"), org_heads=org_words("heads"),
            org_connectors=org_words("connectors"), not_names=words("not_names"),
            # clause openers of any language, as a quoted or foreign clause may open in its own
            subordinators=words_of_every_language("subordinators", tuple(resources)),
            conjunctions=words_of_every_language("conjunctions", tuple(resources)),
            name_titles=words_of_every_language("name_titles", tuple(resources)),
            capitalises_nouns=bool(language_data(lang, tuple(resources)).get("capitalises_nouns")),
            safe_places=entity_words("safe_places"), place_heads=org_words("place_heads"), roles=roles)

    def __call__(self, doc: Doc) -> Doc:
        mentions, words, sent_starts, all_caps = self.matcher(doc)
        doc._.entities = self.resolver(doc, mentions, words, sent_starts, all_caps)
        publish_mentions(doc, doc._.entities)
        return doc


_FAKER_LOCALES = ("en_US", "en_GB", "it_IT", "fr_FR", "de_DE", "es_ES", "pt_BR", "nl_NL", "pl_PL", "tr_TR",
                  "sv_SE", "cs_CZ", "hu_HU", "ro_RO")


def _library_given_names() -> set[str]:
    """Common given names of many countries, from Faker's locale tables where it is installed:
    more unknown people are found from their first name ("analyst Bonnie Glaser")."""
    import importlib

    names: set[str] = set()
    for locale in _FAKER_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:
            return names
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            table = getattr(provider, attribute, None) or ()
            names.update(n for n in table if len(n) > 2)
    return names


@Language.factory(
    "dispacci_entities",
    assigns=["doc._.entities", "doc.spans", "span._.entity"],
    requires=["doc._.context", "token.is_sent_start", "doc._.not_body", "doc._.dateline", "token.pos", "doc.ents"],
    default_config={"resources": [], "actors": []},
)
def make_entity_annotator(nlp: Language, name: str, resources: list[str], actors: list[str]):
    return EntityAnnotator(nlp, name, tuple(resources), tuple(actors))
