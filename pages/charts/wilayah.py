"""Which unit a click on the Wilayah page's map chose. Pure functions, no Streamlit (the map itself is
drawn as every page draws one: pages/ui/maps.py)."""

import plotly.graph_objects as go


def chosen_code(points: list[dict], figure: go.Figure) -> str | None:
    """The code of the unit a click selected: a polygon's location, or the name of the circle's trace
    (the regency map without boundaries draws one trace per capital, named by its code)."""
    for point in points:
        if point.get("location"):
            return str(point["location"])
        name = figure.data[point["curve_number"]].name
        if name:
            return name
    return None
