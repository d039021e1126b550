"""Extraction of candidate claims from article and report text.

>>> import humtrack as ht
>>> [str(c.estimate) for c in ht.extract("Some 3,000 families fled the fighting last week.")]
['about 3,000']
"""

from humtrack.extract.evaluate import Evaluation, evaluate
from humtrack.extract.files import extract_files
from humtrack.extract.pipeline import extract
from humtrack.extract.places import Gazetteer

__all__ = ["Evaluation", "Gazetteer", "evaluate", "extract", "extract_files"]
