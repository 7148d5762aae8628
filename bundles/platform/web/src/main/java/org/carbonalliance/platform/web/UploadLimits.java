package org.carbonalliance.platform.web;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.carbonalliance.platform.api.rest.Operation;
import org.osgi.service.component.annotations.Component;

/**
 * The upload operations being served, by resource base, so that {@link BodyLimitFilter} applies an upload's own size
 * limit instead of the platform's body limit, before the request reaches the resource.
 */
@Component(service = UploadLimits.class)
public class UploadLimits {

    private final Map<String, RouteTable> uploadsByBase = new ConcurrentHashMap<>();

    void serve(String base, List<Operation> operations) {
        List<Operation> uploads = operations.stream().filter(o -> o.uploadLimit() != null).toList();
        if (!uploads.isEmpty()) {
            uploadsByBase.put(base, new RouteTable(uploads));
        }
    }

    void forget(String base) {
        uploadsByBase.remove(base);
    }

    /**
     * @param servletPath the request's servlet path in the API context: a resource's base
     * @param pathInfo    the rest of the path, or null
     * @return the limit of the upload operation this request is for, if it is for one
     */
    OptionalLong limitFor(String method, String servletPath, String pathInfo) {
        RouteTable table = servletPath == null ? null : uploadsByBase.get(servletPath);
        if (table == null) {
            return OptionalLong.empty();
        }
        return table.find(method, pathInfo == null ? "" : pathInfo).match()
                .map(m -> OptionalLong.of(m.operation().uploadLimit().getAsLong())).orElse(OptionalLong.empty());
    }
}
