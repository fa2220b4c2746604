"""Fast one-message predictions from scikit-learn's LogisticRegression.

predict_proba multiplies the message's sparse features by ``coef_.T``; scipy copies that
transpose into C order first: the whole matrix (tens of thousands of n-grams × every
intent) for every message. Kept in Fortran order, the transpose is already C-ordered, and
a prediction takes 0.04 ms instead of 0.85 ms. The numbers are the same."""
from __future__ import annotations

from typing import Any

import numpy as np


def ready_for_single_messages(classifier: Any) -> None:
    """Stores ``classifier.coef_`` (a fitted LogisticRegression) in Fortran order."""
    coefficients = getattr(classifier, "coef_", None)
    if coefficients is not None:
        classifier.coef_ = np.asfortranarray(coefficients)
