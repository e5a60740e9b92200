"""Knowledge kept as data: actors, cue words, patterns, and how to load them."""
from .loader import DATA_DIR, load_resource, merge, resource_dirs, resource_files

__all__ = ["DATA_DIR", "load_resource", "merge", "resource_dirs", "resource_files"]
