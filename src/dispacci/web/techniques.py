"""The claims and techniques layers on the article page: marks, the claims list and the legend."""
from __future__ import annotations

from ..record import Record

__all__ = ["claim_technique_marks", "claims_context", "GROUPS"]

# The six families of the SemEval-2023 Task 3 taxonomy, one colour each in the legend.
GROUPS = {
    "attack on reputation": ("Name_Calling-Labeling", "Guilt_by_Association", "Doubt", "Appeal_to_Hypocrisy",
                             "Questioning_the_Reputation"),
    "justification": ("Flag_Waving", "Appeal_to_Authority", "Appeal_to_Popularity", "Appeal_to_Values",
                      "Appeal_to_Fear-Prejudice"),
    "simplification": ("Causal_Oversimplification", "False_Dilemma-No_Choice", "Consequential_Oversimplification"),
    "distraction": ("Straw_Man", "Red_Herring", "Whataboutism"),
    "call": ("Slogans", "Conversation_Killer", "Appeal_to_Time"),
    "manipulative wording": ("Loaded_Language", "Obfuscation-Vagueness-Confusion", "Exaggeration-Minimisation",
                             "Repetition"),
}
_GROUP_OF = {technique: n for n, members in enumerate(GROUPS.values()) for technique in members}


def claim_technique_marks(record: Record, mark) -> list:
    """Marks (``mark`` is the ``Mark`` class) for the claims and techniques of ``record``."""
    from .links import actor_link

    marks = []
    for n, claim in enumerate(record.claims):
        details = [x for x in (f"cue: {claim.cue}" if claim.cue else None, claim.summary,
                               f"stance: {claim.stance} ({claim.stance_cue})" if claim.stance else None) if x]
        marks.append(mark(f"k{n}", "claim", "clm", claim.start, claim.end,
                          {"layer": "claim", "label": f"claimed by {claim.claimant or 'unnamed source'}",
                           "details": details, "href": actor_link(claim.claimant_actor)}))
    for n, item in enumerate(record.techniques):
        marks.append(mark(f"t{n}", "technique", f"tq tq-g{_GROUP_OF.get(item.technique, 5)}", item.start, item.end,
                          {"layer": "persuasion technique", "label": item.technique.replace("_", " "),
                           "details": [f"score {item.score:.2f}", item.source]}))
    return marks


def claims_context(record: Record) -> dict:
    """What the article page's claims section and techniques legend show."""
    from .links import actor_link

    used = {t.technique for t in record.techniques}
    legend = [{"group": group, "n": n, "techniques": [t.replace("_", " ") for t in members if t in used]}
              for n, (group, members) in enumerate(GROUPS.items())]
    return {"claims": [{"claim": c, "key": f"k{n}", "href": actor_link(c.claimant_actor)}
                       for n, c in enumerate(record.claims)],
            "technique_legend": [entry for entry in legend if entry["techniques"]],
            "technique_count": len(record.techniques)}
