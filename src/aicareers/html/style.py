"""How the pages look: one colour and one shape per node type, edge styles, the legend.

Every node type of :mod:`aicareers.projection` has its own (colour, shape) pair, so that a node can
be told apart by either; the legend draws the same shape in the same colour (inline SVG, no remote
asset) next to the type's French and English names.

>>> TYPE_STYLES["role"].shape, TYPE_STYLES["role"].fr
('box', 'Rôle')
>>> len({(s.color, s.shape) for s in TYPE_STYLES.values()}) == len(TYPE_STYLES)
True
>>> type_style("something-new").shape
'dot'
>>> 'data-type="role"' in legend_html(["role"], "fr", {"role": 2})
True
>>> "a pour mission" in edge_legend_html([["aic:hasMission", "a pour mission", "has mission", 3]], "fr")
True
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class TypeStyle:
    """The look of one node type, and its names in the legend."""

    color: str
    shape: str
    fr: str
    en: str
    size: int = 14
    font_color: str = "#1f2933"


#: Node types in the order the legend lists them (the article's entities first, ESCO last).
TYPE_STYLES: dict[str, TypeStyle] = {
    "role": TypeStyle("#c0392b", "box", "Rôle", "Role", 22, "#ffffff"),
    "skill": TypeStyle("#1f77b4", "diamond", "Compétence", "Skill"),
    "mission": TypeStyle("#2ca02c", "triangle", "Mission", "Mission"),
    "objective": TypeStyle("#7fbf3f", "triangleDown", "Objectif", "Objective"),
    "domain": TypeStyle("#17becf", "square", "Domaine d’application", "Application domain"),
    "department": TypeStyle("#6b7b8c", "square", "Service", "Department"),
    "team": TypeStyle("#bcbd22", "dot", "Équipe", "Team"),
    "employer": TypeStyle("#8c564b", "triangle", "Type d’employeur", "Employer type"),
    "tool": TypeStyle("#e377c2", "star", "Outil d’IA générative", "Generative AI tool"),
    "training": TypeStyle("#9467bd", "square", "Formation", "Training"),
    "level": TypeStyle("#b39ddb", "triangleDown", "Niveau d’études", "Education level"),
    "salary": TypeStyle("#e6ab02", "star", "Salaire observé", "Salary observation"),
    "factor": TypeStyle("#f28e9b", "dot", "Facteur de salaire", "Salary factor"),
    "contract": TypeStyle("#a0785a", "diamond", "Type de contrat", "Contract type"),
    "arrangement": TypeStyle("#c9c950", "hexagon", "Mode de travail", "Work arrangement"),
    "seniority": TypeStyle("#ff7f50", "triangle", "Séniorité", "Seniority"),
    "place": TypeStyle("#5dade2", "triangleDown", "Lieu", "Place"),
    "esco-occupation": TypeStyle("#ff7f0e", "hexagon", "Profession ESCO", "ESCO occupation", 18),
    "esco-skill": TypeStyle("#9ecae1", "dot", "Compétence ESCO", "ESCO skill", 9),
    "rome-occupation": TypeStyle("#d6604d", "hexagon", "Métier ROME", "ROME occupation", 18),
    "rome-skill": TypeStyle("#a6d96a", "dot", "Compétence ROME", "ROME skill", 8),
    "job-title": TypeStyle("#f4a582", "dot", "Appellation d’emploi", "Job title", 7),
    "work-context": TypeStyle("#c2a5cf", "diamond", "Contexte de travail", "Work context", 9),
    "onet-occupation": TypeStyle("#1b9e77", "hexagon", "Profession O*NET", "O*NET occupation", 18),
    "task": TypeStyle("#66c2a5", "triangle", "Tâche", "Task", 8),
    "technology": TypeStyle("#bababa", "dot", "Technologie (O*NET)", "Technology (O*NET)", 6),
    "job-zone": TypeStyle("#8c6bb1", "square", "Zone de préparation O*NET", "O*NET job zone", 12),
}

#: The look of a type the projection may gain one day: still drawn, still in the legend.
FALLBACK_STYLE = TypeStyle("#999999", "dot", "", "")

#: Edge colours by predicate (others are grey); dashes mark links to ESCO.
EDGE_STYLES: dict[str, dict] = {
    "aic:canEvolveTo": {"color": "#c0392b", "width": 2.5},
    "aic:complementaryTo": {"color": "#e67e22", "width": 2},
    "aic:requiresSkill": {"color": "#1f77b4"},
    "aic:hasMission": {"color": "#2ca02c"},
    "aic:learningRoute": {"color": "#9467bd"},
    "aic:hasStep": {"color": "#9467bd"},
    "skos:exactMatch": {"color": "#ff7f0e", "dashes": True},
    "skos:closeMatch": {"color": "#ff7f0e", "dashes": True},
    "skos:broadMatch": {"color": "#ff7f0e", "dashes": True},
    "skos:narrowMatch": {"color": "#ff7f0e", "dashes": True},
    "aic:relatedSkill": {"color": "#c6d4e1"},
    "esco:relatedEssentialSkill": {"color": "#c6d4e1"},
    "esco:relatedOptionalSkill": {"color": "#c6d4e1", "dashes": True},
}
DEFAULT_EDGE_COLOR = "#9aa4b1"
#: Colour of what a highlight dims (nodes and edges outside the clicked node's neighbourhood).
DIM_COLOR = "#e3e6ea"
DIM_FONT_COLOR = "#c4c9cf"


def type_style(node_type: str) -> TypeStyle:
    """The style of ``node_type``; unknown types get the grey dot and their own name."""
    style = TYPE_STYLES.get(node_type)
    if style is None:
        return TypeStyle(FALLBACK_STYLE.color, FALLBACK_STYLE.shape, node_type, node_type)
    return style


def ordered_types(types) -> list[str]:
    """``types`` in legend order: known types as listed above, then unknown ones sorted."""
    present = set(types)
    known = [t for t in TYPE_STYLES if t in present]
    return known + sorted(present - set(TYPE_STYLES))


def node_color(node_type: str) -> dict:
    """vis-network ``color`` object of a node type (same colours when highlighted or hovered)."""
    c = type_style(node_type).color
    border = _darker(c)
    return {"background": c, "border": border, "highlight": {"background": c, "border": "#111111"}, "hover": {"background": c, "border": "#111111"}}


def edge_style(predicate: str) -> dict:
    """vis-network edge attributes (``color``, ``width``, ``dashes``) of a predicate."""
    style = EDGE_STYLES.get(predicate, {})
    return {
        "color": {"color": style.get("color", DEFAULT_EDGE_COLOR), "highlight": "#1f2933", "hover": "#1f2933", "inherit": False},
        "width": style.get("width", 1),
        "dashes": style.get("dashes", False),
    }


def _darker(hex_color: str, factor: float = 0.7) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(int(r * factor), int(g * factor), int(b * factor))


# ------------------------------------------------------------------------------------ legend


def shape_svg(shape: str, color: str) -> str:
    """A 16×16 inline SVG of a vis-network shape, for the legend."""
    border = _darker(color)
    paint = f'fill="{color}" stroke="{border}" stroke-width="1.2"'
    if shape == "box":
        body = f'<rect x="1" y="3.5" width="14" height="9" rx="2.5" {paint}/>'
    elif shape == "diamond":
        body = f'<polygon points="8,1 15,8 8,15 1,8" {paint}/>'
    elif shape == "triangle":
        body = f'<polygon points="8,1.5 15,14 1,14" {paint}/>'
    elif shape == "triangleDown":
        body = f'<polygon points="1,2 15,2 8,14.5" {paint}/>'
    elif shape == "square":
        body = f'<rect x="2" y="2" width="12" height="12" {paint}/>'
    elif shape == "star":
        body = f'<polygon points="8,1 9.9,5.8 15,6.1 11,9.3 12.4,14.5 8,11.6 3.6,14.5 5,9.3 1,6.1 6.1,5.8" {paint}/>'
    elif shape == "hexagon":
        body = f'<polygon points="4.5,2 11.5,2 15,8 11.5,14 4.5,14 1,8" {paint}/>'
    else:  # dot and anything else
        body = f'<circle cx="8" cy="8" r="6" {paint}/>'
    return f'<svg class="aic-swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">{body}</svg>'


def legend_html(types, lang: str, counts: dict[str, int], extra: dict[str, str] | None = None) -> str:
    """The legend: one row per node type present, each a filter checkbox (checked) with its swatch.

    Names carry both languages (``data-fr``/``data-en``) for the language switch. ``extra`` maps
    a type to HTML put after its label, in its row (the button that opens a folded type:
    :func:`aicareers.html.controls.fold_button_html`).
    """
    rows = []
    extra = extra or {}
    for node_type in ordered_types(types):
        style = type_style(node_type)
        name = style.fr if lang == "fr" else style.en
        rows.append(
            f'<li><label data-type="{escape(node_type)}">'
            f'<input type="checkbox" class="aic-type" value="{escape(node_type)}" checked> '
            f"{shape_svg(style.shape, style.color)} "
            f'<span class="aic-i18n" data-fr="{escape(style.fr)}" data-en="{escape(style.en)}">{escape(name)}</span> '
            f'<span class="aic-count">{counts.get(node_type, 0)}</span></label>{extra.get(node_type, "")}</li>'
        )
    return "\n".join(rows)


def line_svg(predicate: str) -> str:
    """A 24×10 inline SVG of a predicate's edge: its colour, width and dashes, for the legend."""
    look = edge_style(predicate)
    dash = ' stroke-dasharray="4 3"' if look["dashes"] else ""
    return (f'<svg class="aic-swatch" width="24" height="10" viewBox="0 0 24 10" aria-hidden="true">'
            f'<line x1="1" y1="5" x2="23" y2="5" stroke="{look["color"]["color"]}" stroke-width="{max(1.5, look["width"])}"{dash}/></svg>')


def edge_legend_html(links, lang: str) -> str:
    """The links' legend: one row per predicate present, ``links`` being ``[predicate, French
    label, English label, count]`` rows; the styled predicates first (in :data:`EDGE_STYLES`'s
    order), then the others by label. Only the human labels are shown."""
    order = {p: i for i, p in enumerate(EDGE_STYLES)}
    rows = []
    for predicate, fr, en, count in sorted(links, key=lambda r: (order.get(r[0], len(order)), r[2], r[0])):
        name = fr if lang == "fr" else en
        rows.append(
            f'<li>{line_svg(predicate)} <span class="aic-i18n" data-fr="{escape(fr)}" data-en="{escape(en)}">{escape(name)}</span> '
            f'<span class="aic-count">{count}</span></li>'
        )
    return "\n".join(rows)
