"""Near-duplicate articles: wire copies, re-posts and lightly edited versions.

Each article becomes a MinHash signature of its normalised 3-word shingles; an
LSH index finds earlier articles whose estimated Jaccard similarity passes a low
threshold, and one is a copy when most of the shorter text's shingles are in the
other (containment, from the Jaccard estimate and the two shingle counts), so
that a copy cut short or given a new opening paragraph is still found. A near-duplicate is linked to the first copy (the one added first),
never to another copy, so that every group has one original.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Hashable, Optional

from .features import shingles

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
THRESHOLD = 0.3        # estimated Jaccard of 3-word shingles that makes two articles candidates
CONTAINMENT = 0.6      # share of the shorter article's shingles found in the other: a copy cut
                       # short or with a new top paragraph keeps most of them
MIN_SHINGLES = 8       # shorter texts (a bare headline) are too small to call copies


class NearDuplicates:
    """Add articles in publication order; `add` says which earlier article each copies."""

    def __init__(self, threshold: float = THRESHOLD, containment: float = CONTAINMENT,
                 num_perm: int = NUM_PERM, shingle_size: int = 3):
        self.threshold = threshold
        self.containment = containment
        self.num_perm = num_perm
        self.shingle_size = shingle_size
        from datasketch import MinHashLSH  # numpy and scipy: only when stories are built

        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[Hashable, tuple[MinHash, int]] = {}   # signature, shingle count
        self._original: dict[Hashable, Hashable] = {}   # copy → first copy

    def signature(self, text: str) -> Optional[tuple[MinHash, int]]:
        from datasketch import MinHash

        grams = shingles(text, self.shingle_size)
        if len(grams) < MIN_SHINGLES:
            return None
        sig = MinHash(num_perm=self.num_perm)
        sig.update_batch([g.encode("utf-8") for g in grams])
        return sig, len(grams)

    def add(self, key: Hashable, text: str) -> Optional[Hashable]:
        """Index an article; the key of the first copy it duplicates, or None."""
        if key in self._signatures or key in self._original:
            raise ValueError(f"article {key!r} added twice")
        signed = self.signature(text)
        if signed is None:
            return None
        sig, size = signed
        best, best_score = None, self.containment
        for other in self._lsh.query(sig):
            other_sig, other_size = self._signatures[other]
            jaccard = sig.jaccard(other_sig)
            if jaccard < self.threshold:
                continue
            # |A ∩ B| = J (|A| + |B|) / (1 + J)
            shared = jaccard * (size + other_size) / (1 + jaccard)
            score = shared / min(size, other_size)
            if score >= best_score:
                best, best_score = other, score
        if best is not None:
            first = self._original.get(best, best)
            self._original[key] = first
            return first
        # Only originals are indexed: copies of copies still find the first copy.
        self._signatures[key] = signed
        self._lsh.insert(key, sig)
        return None

    def original_of(self, key: Hashable) -> Optional[Hashable]:
        return self._original.get(key)
