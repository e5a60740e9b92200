"""Training of dispacci's statistical backbone (one spaCy pipeline per language); never run in CI."""
