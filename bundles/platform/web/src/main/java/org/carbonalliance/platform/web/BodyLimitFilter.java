package org.carbonalliance.platform.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.carbonalliance.platform.api.web.ApiContext;
import org.carbonalliance.platform.api.web.ApiException;
import org.carbonalliance.platform.api.web.ApiServlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Refuses request bodies over the configured size: at once when Content-Length says so, otherwise as soon as reading
 * passes the limit (the endpoint's {@link ApiServlet} then answers 413).
 */
@Component(service = Filter.class, configurationPid = "org.carbonalliance.web", property = {
        "osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT,
        "service.ranking:Integer=2000" })
@Designate(ocd = WebConfig.class)
public class BodyLimitFilter implements Filter {

    private volatile long maxBytes;
    private final UploadLimits uploads;

    @Activate
    public BodyLimitFilter(@Reference UploadLimits uploads, WebConfig config) {
        this.uploads = uploads;
        configure(config);
    }

    @Modified
    void configure(WebConfig config) {
        this.maxBytes = config.maxBodyBytes();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        long limit = uploads.limitFor(http.getMethod(), http.getServletPath(), http.getPathInfo()).orElse(maxBytes);
        if (request.getContentLengthLong() > limit) {
            ApiServlet.writeError((HttpServletResponse) response, 413, "payload-too-large", message(limit), List.of());
            return;
        }
        chain.doFilter(new LimitedRequest((HttpServletRequest) request, limit), response);
    }

    static String message(long limit) {
        return "The request body is larger than the limit of " + limit + " bytes; send less data per request.";
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedStream(super.getInputStream(), limit);
            }
            return limited;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private int count(int n) {
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new ApiException(413, "payload-too-large", message(limit));
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? -1 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return count(in.read(b, off, len));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
