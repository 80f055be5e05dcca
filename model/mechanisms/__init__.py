"""The yearly rules of TripleWin, one module per mechanism, vectorised over population columns.

Each module's public function is one step of the year (DESIGN §3) and reads its numbers from the
scenario (DESIGN §4). Random draws come from the model's named streams (``model.streams``).
"""
