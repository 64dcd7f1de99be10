package com.copyguard.json.input;

import com.copyguard.core.command.PutInstrument;
import com.copyguard.json.Json;
import com.copyguard.json.input.CommandParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The default instrument catalog loaded at first start (a JSON array of instrument specs). */
public final class InstrumentCatalog {
    private InstrumentCatalog() {
    }

    public static List<PutInstrument> load(Path file) throws IOException {
        JsonNode root;
        if (file == null) {
            try (InputStream in = InstrumentCatalog.class.getClassLoader().getResourceAsStream("instruments.json")) {
                root = Json.MAPPER.readTree(in);
            }
        } else {
            root = Json.MAPPER.readTree(Files.readAllBytes(file));
        }
        List<PutInstrument> out = new ArrayList<>();
        for (JsonNode spec : root) {
            ObjectNode fields = ((ObjectNode) spec).deepCopy();
            out.add(CommandParser.putInstrument(fields.remove("symbol").asText(), fields));
        }
        return out;
    }
}
