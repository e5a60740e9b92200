"""Links between explorer pages, built in one place so every one is quoted."""
from __future__ import annotations

from ..serving.templating import path_part

__all__ = ["actor_link", "record_link", "story_link"]


def actor_link(actor: str | None) -> str | None:
    return f"/actors/{path_part(actor)}" if actor else None


def record_link(record_id: str | None) -> str | None:
    return f"/records/{path_part(record_id)}" if record_id else None


def story_link(story: str | None) -> str | None:
    return f"/stories/{path_part(story)}" if story else None
