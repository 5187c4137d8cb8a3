"""The fill screen, in pieces that each do one thing.

`FillScreen` is built in layers, each a module here, each adding to the one
before it:

- `state.FillState`: what the screen holds (the session, the question shown,
  the language, the pending timers);
- `autosave.Autosaving`: debounced, ordered saves, and leaving only after the
  last one;
- `submitting.Submitting`: writing the submitted file and what follows it;
- `navigation.Navigating`: moving between questions and to the review;
- `screen.FillScreen`: the keys, building a question, and what the person
  does to its answer (with `fill.tcss` beside it).
"""

from enquete.ui.screens.fill.screen import FillScreen

__all__ = ["FillScreen"]
