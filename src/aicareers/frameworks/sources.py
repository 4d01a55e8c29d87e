"""The source node of a framework: what it is, its version, publisher, licence and attribution.

Every node a framework importer emits says ``prov:wasDerivedFrom`` this node, and the
framework's named graph holds the description, so that "which release says so" is one pattern.

>>> from rdflib import Graph
>>> g = Graph()
>>> g += framework_source_triples(FRAMEWORKS["rome"], "460")
>>> from aicareers.namespaces import SRC
>>> from rdflib.namespace import OWL
>>> str(g.value(SRC.rome, OWL.versionInfo))
'460'

The publisher is a link to an organisation, as a source document's is (``dcterms:publisher`` is
an object property in the ontology):

>>> from rdflib.namespace import DCTERMS, SKOS
>>> publisher = g.value(SRC.rome, DCTERMS.publisher)
>>> str(publisher)
'https://w3id.org/ai-careers/id/organisation/france-travail'
>>> sorted(str(label) for label in g.objects(publisher, SKOS.prefLabel))
['France Travail', 'France Travail']
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from ..iris import entity_iri, graph_iri
from ..namespaces import AIC, SRC


@dataclass(frozen=True)
class FrameworkInfo:
    """What is known of a framework before its files are read (the version comes from the files)."""

    key: str  # "esco", "rome", "onet", "nesta-crosswalk": the id of its source node and named graph
    title: str
    label_fr: str
    label_en: str
    publisher: str
    licence: str
    citation: str
    homepage: str
    #: the publisher's French name and the id of its organisation node (``id/organisation/<id>``)
    publisher_fr: str = ""
    publisher_id: str = ""

    @property
    def source(self) -> URIRef:
        return SRC[self.key]

    @property
    def graph(self) -> URIRef:
        return graph_iri(self.key)


FRAMEWORKS: dict[str, FrameworkInfo] = {
    "esco": FrameworkInfo(
        "esco", "ESCO",
        "ESCO (classification européenne des aptitudes, compétences, certifications et professions)",
        "ESCO (European Skills, Competences, Qualifications and Occupations)",
        "European Commission", "https://creativecommons.org/licenses/by/4.0/", "ESCO, European Commission",
        "https://esco.ec.europa.eu/", publisher_fr="Commission européenne", publisher_id="european-commission",
    ),
    "rome": FrameworkInfo(
        "rome", "ROME 4.0",
        "ROME 4.0 (Répertoire opérationnel des métiers et des emplois)",
        "ROME 4.0 (French directory of occupations and jobs)",
        "France Travail", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/", "France Travail, ROME 4.0",
        "https://www.francetravail.org/opendata/repertoire-operationnel-des-meti.html",
        publisher_fr="France Travail", publisher_id="france-travail",
    ),
    "onet": FrameworkInfo(
        "onet", "O*NET",
        "Base de données O*NET (métiers des États-Unis)",
        "O*NET Database (occupations of the United States)",
        "U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)",
        "https://creativecommons.org/licenses/by/4.0/",
        "O*NET Database by USDOL/ETA, used under CC BY 4.0",
        "https://www.onetcenter.org/database.html",
        publisher_fr="Département du Travail des États-Unis, Employment and Training Administration (USDOL/ETA)",
        publisher_id="usdol-eta",
    ),
    "nesta-crosswalk": FrameworkInfo(
        "nesta-crosswalk", "ESCO to O*NET crosswalk (Mapping Career Causeways)",
        "Table de correspondance ESCO vers O*NET (Nesta, Mapping Career Causeways)",
        "ESCO to O*NET occupation crosswalk (Nesta, Mapping Career Causeways)",
        "Nesta", "https://opensource.org/licenses/MIT", "Nesta, Mapping Career Causeways",
        "https://github.com/nestauk/mapping-career-causeways", publisher_fr="Nesta", publisher_id="nesta",
    ),
}  # fmt: skip


def framework_source_triples(info: FrameworkInfo, version: str) -> list[tuple]:
    """The description of ``info``'s source node, for ``version`` (read from the files)."""
    s = info.source
    en, fr = Literal(info.label_en, lang="en"), Literal(info.label_fr, lang="fr")
    # the publisher is a node, not a text: dcterms:publisher takes one kind of value in the graph.
    # It is not typed schema:Organization: the shapes of organisations (aics:Labelled, aics:Sourced)
    # would then reach the framework's graph, which the fast path cannot check with compiled SPARQL
    # (sh:class) and would validate whole with pyshacl, far too slow for a full ESCO download.
    publisher = entity_iri("organisations", info.publisher_id)
    publisher_en, publisher_fr = Literal(info.publisher, lang="en"), Literal(info.publisher_fr, lang="fr")
    return [
        (s, RDF.type, AIC.ReferenceDataset),
        (s, RDF.type, AIC.Source),
        (s, DCTERMS.title, Literal(info.title)),
        (s, RDFS.label, en),
        (s, RDFS.label, fr),
        (s, SKOS.prefLabel, en),
        (s, SKOS.prefLabel, fr),
        (s, OWL.versionInfo, Literal(version)),
        (s, DCTERMS.publisher, publisher),
        (publisher, SKOS.prefLabel, publisher_en),
        (publisher, SKOS.prefLabel, publisher_fr),
        (publisher, RDFS.label, publisher_en),
        (publisher, RDFS.label, publisher_fr),
        (publisher, PROV.wasDerivedFrom, s),
        (s, DCTERMS.license, URIRef(info.licence)),
        (s, DCTERMS.bibliographicCitation, Literal(info.citation, lang="en")),
        (s, RDFS.seeAlso, URIRef(info.homepage)),
    ]  # fmt: skip
