// Runs SPARQL queries with Apache Jena ARQ over one TriG file, in one JVM, and writes each answer
// as SPARQL 1.1 JSON results.
//
// Usage: java RunQueries DATA.trig QUERY1.rq OUT1.json [QUERY2.rq OUT2.json ...]
//
// The dataset is an in-memory TDB2 database whose default graph is the union of the named graphs
// (TDB2.symUnionDefaultGraph), as a Fuseki server configured with tdb2:unionDefaultGraph true
// answers: the README's advice for endpoints. A query that fails stops the program with status 1
// and the query's file on standard error.

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

public class RunQueries {
    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length % 2 == 0) {
            System.err.println("usage: RunQueries DATA.trig QUERY.rq OUT.json [QUERY.rq OUT.json ...]");
            System.exit(2);
        }
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(dsg, () -> RDFDataMgr.read(dsg, args[0]));
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        Dataset dataset = DatasetFactory.wrap(dsg);
        for (int i = 1; i < args.length; i += 2) {
            String file = args[i];
            try (OutputStream out = Files.newOutputStream(Path.of(args[i + 1]))) {
                Query query = QueryFactory.create(Files.readString(Path.of(file)), Syntax.syntaxSPARQL_11);
                Txn.executeRead(dataset, () -> {
                    // As Fuseki does (SPARQL_QueryDataset.decideDataset): FROM and FROM NAMED pick
                    // graphs of the dataset, nothing is fetched; ARQ alone would ignore them.
                    Dataset queried = dataset;
                    if (query.hasDatasetDescription()) {
                        DatasetDescription description = DatasetDescription.create(query);
                        queried = DatasetFactory.wrap(DynamicDatasets.dynamicDataset(description, dsg, false));
                        query.getGraphURIs().clear();
                        query.getNamedGraphURIs().clear();
                    }
                    try (QueryExecution execution = QueryExecutionFactory.create(query, queried)) {
                        if (query.isSelectType()) {
                            ResultSetFormatter.outputAsJSON(out, execution.execSelect());
                        } else if (query.isAskType()) {
                            ResultSetFormatter.outputAsJSON(out, execution.execAsk());
                        } else {
                            throw new IllegalArgumentException("not a SELECT or ASK query");
                        }
                    }
                });
            } catch (Exception error) {
                System.err.println(file + ": " + error);
                System.exit(1);
            }
        }
    }
}
