"""A stand-in for PolNeAR's score.py with the functions `nlp.benchmark` imports from it: gold read as
JSON, overlap of character spans, and a "he"/"she" gold source left unjudged (None), as the real one does.
Run as a script, it prints one line, as the real scorer prints its figures."""

FAKE_SCORER = """
import json
def read_gold(ann, text):
    return json.loads(ann.read_text())
def overlap(spans, claim):
    return sum(max(0, min(b, claim[1]) - max(a, claim[0])) for a, b in spans)
def speaker_ok(names, source):
    if source.lower() in ("he", "she"):
        return None
    return any(source in name for name in names)
if __name__ == "__main__":
    print("fake scorer figures")
"""
