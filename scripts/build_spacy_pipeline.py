"""Write the Dutch spaCy pipeline that config.yml's SpacyNLP loads from build/spacy_nl.

Uses nl_core_news_sm when it is installed (the full model: tagger, parser, NER), else a
blank Dutch pipeline with the lookup lemmatizer from spacy-lookups-data, which works
offline. Both end up at the same path, so one config.yml serves both.
"""
import json
import shutil
import sys
from pathlib import Path

import spacy


def build(target: Path) -> str:
    try:
        nlp = spacy.load("nl_core_news_sm")
        kind = "nl_core_news_sm"
    except OSError:
        nlp = spacy.blank("nl")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
        kind = "blank nl + lookup lemmatizer (offline)"
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        shutil.rmtree(target)
    nlp.meta["description"] = f"Incassocoach Dutch pipeline: {kind}"
    nlp.to_disk(target)
    (target / "incasso_pipeline.json").write_text(json.dumps({"kind": kind}))
    return kind


if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "build/spacy_nl")
    print(f"==> spaCy pipeline at {path}: {build(path)}")
