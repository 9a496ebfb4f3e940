package io.satc.compiler.diag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The {@code --diagnostics=json} form: the same records as the text, one JSON document per run. */
public final class DiagnosticJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiagnosticJson() {}

    public static ObjectNode toJson(Diagnostic d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("file", d.source().displayPath());
        n.put("line", d.line());
        n.put("column", d.column());
        n.put("end_line", d.source().line(d.span().end()));
        n.put("end_column", d.source().column(d.span().end()));
        n.put("offset", d.span().start());
        n.put("length", d.span().length());
        n.put("severity", d.severity().label());
        n.put("code", d.code().id());
        n.put("message", d.message());
        d.help().ifPresent(h -> n.put("help", h));
        return n;
    }

    public static String render(List<Diagnostic> diagnostics, int files) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", 1);
        root.put("files", files);
        root.put("errors", diagnostics.stream().filter(Diagnostic::isError).count());
        root.put("warnings", diagnostics.stream().filter(d -> !d.isError()).count());
        ArrayNode arr = root.putArray("diagnostics");
        diagnostics.forEach(d -> arr.add(toJson(d)));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
