package com.copyguard.durability.journal;

import com.copyguard.core.command.SettingsPatch;
import com.copyguard.json.input.SettingsParser;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * A settings patch in the journal is the JSON object its sender wrote, as journals have always stored
 * it: written as the patch's text, read back through the same parser that read the request (so a
 * replay meets the same bounds the live input met).
 */
final class SettingsPatchJson {
    private SettingsPatchJson() {
    }

    static SimpleModule module() {
        return new SimpleModule("SettingsPatchJson")
                .addSerializer(SettingsPatch.class, new Writer())
                .addDeserializer(SettingsPatch.class, new Reader());
    }

    private static final class Writer extends StdSerializer<SettingsPatch> {
        Writer() {
            super(SettingsPatch.class);
        }

        @Override
        public void serialize(SettingsPatch patch, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeRawValue(patch.text());
        }
    }

    private static final class Reader extends StdDeserializer<SettingsPatch> {
        Reader() {
            super(SettingsPatch.class);
        }

        @Override
        public SettingsPatch deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            JsonNode tree = ctx.readTree(p);
            return SettingsParser.patch(tree);
        }
    }
}
