"""The yearly rules of TripleWin, one module per mechanism, vectorised over population columns.

Each module's public function is one step of the year (docs/ODD.md §3) and reads its numbers from the
scenario (docs/ODD.md §7). Random draws come from the model's named streams (``model.streams``).
"""
