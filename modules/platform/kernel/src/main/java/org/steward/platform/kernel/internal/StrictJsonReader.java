package org.steward.platform.kernel.internal;

import static org.steward.platform.kernel.api.Jsonp.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.steward.platform.kernel.api.FieldError;
import org.steward.platform.kernel.api.ProblemException;
import org.steward.platform.kernel.api.ProblemType;

/**
 * Every JSON body of every module passes here before it is bound: {@link JsonShape} checks it against the input
 * record and every mismatch is answered at once, in one problem. A body that does not parse goes on to Yasson, whose
 * error the problem mapper already names.
 */
@Provider
public class StrictJsonReader implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType media = context.getMediaType();
        if (media == null || !isJson(media) || !JsonShape.applies(context.getGenericType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        context.setInputStream(new ByteArrayInputStream(body));
        if (body.length == 0) {
            return context.proceed();
        }
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            value = reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            return context.proceed();
        }
        List<JsonShape.Mismatch> mismatches = JsonShape.check(value, context.getGenericType());
        // A body that is not even an object (or array) of the right kind is Yasson's malformed-json, as before.
        boolean wholeBody = mismatches.size() == 1 && "body".equals(mismatches.get(0).error().field());
        if (!mismatches.isEmpty() && !wholeBody) {
            throw problem(mismatches);
        }
        return context.proceed();
    }

    static ProblemException problem(List<JsonShape.Mismatch> mismatches) {
        List<FieldError> errors = mismatches.stream().map(JsonShape.Mismatch::error).toList();
        boolean allUnknown = mismatches.stream().allMatch(JsonShape.Mismatch::unknownField);
        boolean anyWrongType = mismatches.stream()
                .anyMatch(m -> !m.unknownField() && !JsonShape.NUL.equals(m.error().message()));
        ProblemType type = allUnknown ? ProblemType.UNKNOWN_FIELD
                : anyWrongType ? ProblemType.WRONG_TYPE : ProblemType.VALIDATION;
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("The body does not have the documented shape");
        return new ProblemException(type, detail, errors);
    }

    private static boolean isJson(MediaType media) {
        String sub = media.getSubtype().toLowerCase(java.util.Locale.ROOT);
        return sub.equals("json") || sub.endsWith("+json");
    }
}
