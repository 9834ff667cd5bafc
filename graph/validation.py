"""Validation of a stored graph against the ontology's SHACL shapes.

The structural shapes are ``ontology/shapes.ttl``; the shapes of each relation
predicate's domain and range are derived from the ontology itself, so a new
predicate is validated without a second list. The ontology is added to
the data graph before validation, so ``rdfs:subClassOf`` counts (a Driver is a Person).
"""

from __future__ import annotations

from nascar_kg.ontology import NS, SHAPES_FILE, ontology_graph, read_text, vocabulary

SHAPES_NS = "https://w3id.org/nascar-kg/shapes#"


def shapes_graph():
    """The SHACL shapes: the file's structural shapes plus domain and range shapes."""
    import rdflib
    from rdflib import BNode, Literal, Namespace, RDF, URIRef
    from rdflib.collection import Collection

    sh = Namespace("http://www.w3.org/ns/shacl#")
    g = rdflib.Graph().parse(data=read_text(SHAPES_FILE), format="turtle")

    def class_constraint(node, classes):
        if len(classes) == 1:
            g.add((node, sh["class"], URIRef(NS + classes[0])))
            return
        alternatives = []
        for cls in classes:
            alt = BNode()
            g.add((alt, sh["class"], URIRef(NS + cls)))
            alternatives.append(alt)
        head = BNode()
        Collection(g, head, alternatives)
        g.add((node, sh["or"], head))

    for pred in vocabulary().predicates.values():
        p = URIRef(pred.iri)
        if pred.domain:
            shape = URIRef(f"{SHAPES_NS}{pred.name}-domain")
            g.add((shape, RDF.type, sh.NodeShape))
            g.add((shape, sh.targetSubjectsOf, p))
            class_constraint(shape, pred.domain)
            g.add((shape, sh.message, Literal(
                f"The subject of {pred.name} must be a {' or '.join(pred.domain)}.")))
        if pred.range:
            shape = URIRef(f"{SHAPES_NS}{pred.name}-range")
            g.add((shape, RDF.type, sh.NodeShape))
            g.add((shape, sh.targetObjectsOf, p))
            class_constraint(shape, pred.range)
            g.add((shape, sh.message, Literal(
                f"The object of {pred.name} must be a {' or '.join(pred.range)}.")))
    return g


def validate_graph(data_graph) -> dict:
    """Validate an rdflib graph (which gains the ontology's triples).

    Returns ``conforms``, ``violations`` (focus, path, value, message) and the
    number of ``triples`` of data checked.
    """
    import pyshacl
    from rdflib import Namespace

    sh = Namespace("http://www.w3.org/ns/shacl#")
    triples = len(data_graph)
    data_graph += ontology_graph()  # so that sh:class sees rdfs:subClassOf (a Driver is a Person)
    conforms, results, _ = pyshacl.validate(
        data_graph, shacl_graph=shapes_graph(), inference="none", abort_on_first=False, allow_warnings=True, meta_shacl=False,
        advanced=False)
    violations = []
    for result in results.subjects(sh.resultSeverity, sh.Violation):
        path = results.value(result, sh.resultPath)
        violations.append({
            "focus": str(results.value(result, sh.focusNode)),
            "path": _short(path) if path is not None else "",
            "value": str(results.value(result, sh.value) or ""),
            "message": str(results.value(result, sh.resultMessage) or "violation"),
        })
    violations.sort(key=lambda v: (v["focus"], v["path"], v["message"]))
    return {"conforms": bool(conforms), "violations": violations, "triples": triples}


def _short(term) -> str:
    text = str(term)
    return "nkg:" + text[len(NS):] if text.startswith(NS) else text


def validate_store(store) -> dict:
    """Validate any store: an RDF store directly, others through their batch form."""
    if store.supports("rdf"):
        import pyoxigraph as ox
        import rdflib

        data = store.ox_store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        graph = rdflib.Graph().parse(data=data.decode("utf-8"), format="nt")
    else:
        from nascar_kg.graph.rdf import batch_graph

        graph = batch_graph(store.read_all())
    return validate_graph(graph)
