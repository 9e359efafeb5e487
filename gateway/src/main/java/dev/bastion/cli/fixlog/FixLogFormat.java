package dev.bastion.cli.fixlog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bastion.gateway.compliance.ComplianceRecord;

import java.io.PrintWriter;

/** How {@code bastion fixlog} prints each record it finds. */
enum FixLogFormat
{
    /** A heading line, then one line per field: tag, name, value and the value's meaning. */
    TEXT
    {
        @Override
        void print(final ComplianceRecord record, final PrintWriter out)
        {
            final FixDictionaryNames names = names(record);
            final String msgType = record.msgType();
            final String messageName = msgType == null ? null : names.messageName(msgType);
            out.printf("%s %-3s %s %s%s%n", record.time(), record.direction(), record.session(),
                messageName != null ? messageName : "MsgType " + msgType,
                "OK".equals(record.status()) ? "" : " [" + record.status() + "]");
            for (final FixField field : FixField.split(record.message()))
            {
                final String meaning = names.meaning(field.tag(), field.value());
                out.printf("    %5d %-22s = %s%s%n", field.tag(), names.fieldName(field.tag()), field.value(),
                    meaning != null ? " (" + meaning + ")" : "");
            }
            out.println();
        }
    },

    /** One JSON object per line (JSON Lines), fields in wire order with names and meanings. */
    JSON
    {
        private final ObjectMapper mapper = new ObjectMapper();

        @Override
        void print(final ComplianceRecord record, final PrintWriter out)
        {
            final FixDictionaryNames names = names(record);
            final ObjectNode json = mapper.createObjectNode()
                .put("time", record.time().toString())
                .put("direction", record.direction().name())
                .put("status", record.status())
                .put("session", record.session())
                .put("msgType", record.msgType())
                .put("msgName", record.msgType() == null ? null : names.messageName(record.msgType()));
            final ArrayNode fields = json.putArray("fields");
            for (final FixField field : FixField.split(record.message()))
            {
                final ObjectNode node = fields.addObject()
                    .put("tag", field.tag())
                    .put("name", names.fieldName(field.tag()))
                    .put("value", field.value());
                final String meaning = names.meaning(field.tag(), field.value());
                if (meaning != null)
                {
                    node.put("meaning", meaning);
                }
            }
            out.println(json);
        }
    },

    /** RFC 4180 CSV with a header row; the raw message with '|' for SOH in the last column. */
    CSV
    {
        @Override
        void printHeader(final PrintWriter out)
        {
            out.println("time,direction,status,session,msgSeqNum,msgType,msgName,clOrdId,origClOrdId,message");
        }

        @Override
        void print(final ComplianceRecord record, final PrintWriter out)
        {
            final String msgType = record.msgType();
            out.println(String.join(",",
                quote(record.time().toString()),
                quote(record.direction().name()),
                quote(record.status()),
                quote(record.session()),
                quote(record.field(34)),
                quote(msgType),
                quote(msgType == null ? null : names(record).messageName(msgType)),
                quote(record.field(11)),
                quote(record.field(41)),
                quote(record.message().replace('\u0001', '|'))));
        }
    };

    void printHeader(final PrintWriter out)
    {
    }

    abstract void print(ComplianceRecord record, PrintWriter out);

    static FixDictionaryNames names(final ComplianceRecord record)
    {
        return FixDictionaryNames.forBeginString(record.field(8));
    }

    static String quote(final String value)
    {
        if (value == null)
        {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0)
        {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
