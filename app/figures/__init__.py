"""Matplotlib figures of the app's views, one module per view; each is a function of the model.

Figures are drawn on :class:`matplotlib.figure.Figure` objects (no pyplot state, safe in the
server's threads) and sent to the browser as PNG images, so no JavaScript library is needed.
"""
