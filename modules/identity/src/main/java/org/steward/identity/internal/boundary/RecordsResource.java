package org.steward.identity.internal.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.steward.identity.internal.control.PersonalRecords;
import org.steward.identity.internal.control.PersonalRecords.Opened;
import org.steward.identity.internal.entity.RecordCategory;
import org.steward.platform.kernel.api.Bodies;
import org.steward.platform.kernel.api.Page;
import org.steward.platform.kernel.api.PageRequest;
import org.steward.platform.kernel.api.sensitive.SensitiveDataDetector;
import org.steward.platform.security.api.CurrentCaller;

/**
 * The four endpoints of every personal-record type of policy §4b (add, list, get one, rectify), written once. Each type has
 * a subclass that declares them with its own path, roles, audit actions and typed input, view and page, so that the
 * OpenAPI document and the audit log keep one operation per type; the subclass's methods only delegate here.
 *
 * <p>The JAX-RS, security, audit and OpenAPI annotations stay on the subclasses' own methods: the audit log and the
 * endpoint names in it read them from the matched method, and an inherited JAX-RS annotation would not be seen there.
 * Every subclass has the root path of {@code SubjectsResource}: JAX-RS picks one root class per request by its path,
 * and Jersey merges classes that share a path, so every class's sub-paths stay reachable.
 *
 * <p>Each type's view and page are records nested in its resource. Payara scans classes in name order and documents a
 * 201's {@code @Schema(implementation = View.class)} as a bare object when it reaches the resource before the view, as
 * an inline copy of the view after it; nested, the view always comes after, so the document stays what it was.
 *
 * @param <I> what a client sends, stored encrypted as the record's content
 * @param <V> what a client gets back
 * @param <P> a page of {@code V}
 */
abstract class RecordsResource<I, V, P> {

    @Inject
    PersonalRecords records;

    @Inject
    SensitiveDataDetector sensitive;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    private final RecordCategory category;
    private final Class<I> input;
    private final Function<I, OffsetDateTime> obtainedAt;
    private final Function<Opened<I>, V> view;
    private final BiFunction<List<V>, String, P> page;

    RecordsResource(RecordCategory category, Class<I> input, Function<I, OffsetDateTime> obtainedAt,
                    Function<Opened<I>, V> view, BiFunction<List<V>, String, P> page) {
        this.category = category;
        this.input = input;
        this.obtainedAt = obtainedAt;
        this.view = view;
        this.page = page;
    }

    /** Refuses special-category data in the type's free-text fields (422 naming the field); none by default. */
    void refuseSensitive(I content) {
    }

    /** 201 with the new record and its location. The body is checked before the tenant and the subject. */
    Response add(String tenantId, String subjectId, I body) {
        I content = Bodies.require(body);
        refuseSensitive(content);
        Opened<I> opened = records.add(tenantId, subjectId, category, content, obtainedAt.apply(content));
        return Response.created(uri.getAbsolutePathBuilder().path(opened.record().rawId()).build())
                .entity(view.apply(opened)).build();
    }

    /**
     * Rectification (GDPR Art. 16): the whole content is replaced, checked like a new record (bean validation on the
     * subclass's parameter, then special-category data).
     */
    V rectify(String tenantId, String subjectId, String recordId, I body) {
        I content = Bodies.require(body);
        refuseSensitive(content);
        return view.apply(records.rectify(tenantId, subjectId, category, recordId, content,
                obtainedAt.apply(content)));
    }

    /** An auditor's records come sealed: ids, subject and times, no content (see {@link AuditorView}). */
    P list(String tenantId, String subjectId, String limit, String cursor) {
        PageRequest request = PageRequest.parse(limit, cursor);
        Page<V> p = request.page(records.list(tenantId, subjectId, category, input, request, !sealed()),
                o -> o.record().rawId(), view);
        return page.apply(p.items(), p.nextCursor());
    }

    V get(String tenantId, String subjectId, String recordId) {
        return view.apply(records.get(tenantId, subjectId, category, recordId, input, !sealed()));
    }

    private boolean sealed() {
        return AuditorView.sealed(caller.get());
    }
}
