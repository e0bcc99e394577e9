"""Features plug into the main window here, so the window itself stays small.

Every module in this package has ``install(window: FeatureHost) -> object`` (host.py: the
extension points, not the whole window); what it returns (the feature's controller) is
kept in ``window.features[module name]`` and read back typed with
``window.feature(name, ControllerClass)``. It may add menu
entries (``window.menu("tools")``), toolbar buttons (``window.toolbar``), tabs under the
conversation (``window.add_inquiry_tab``), sections of the customer card
(``window.add_card_section``) and react to ``window.inquiry_changed`` /
``window.data_changed``. Modules are installed in name order.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from soloservice.ui.features.host import FeatureHost

#: modules here that are not features
NOT_FEATURES = frozenset({"host"})


def install_features(window: FeatureHost) -> dict[str, object]:
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_") and info.name not in NOT_FEATURES
    )
    return {name: importlib.import_module(f"{__name__}.{name}").install(window) for name in names}
