package io.satc.runtime.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A drawing as plain shapes with preformatted coordinates, for templates that only print
 * (no logic in templates) and for {@link #markup}. Coordinates are formatted once, with
 * {@code Locale.ROOT}.
 */
public record Svg(String width, String height, List<Shape> shapes) {

    /** One SVG element: {@code kind} is rect, line, circle or text; unused fields are empty. */
    public record Shape(
            String kind,
            String x,
            String y,
            String w,
            String h,
            String x2,
            String y2,
            String fill,
            String stroke,
            String anchor,
            String text,
            String title) {
        public String getKind() {
            return kind;
        }

        public String getX() {
            return x;
        }

        public String getY() {
            return y;
        }

        public String getW() {
            return w;
        }

        public String getH() {
            return h;
        }

        public String getX2() {
            return x2;
        }

        public String getY2() {
            return y2;
        }

        public String getFill() {
            return fill;
        }

        public String getStroke() {
            return stroke;
        }

        public String getAnchor() {
            return anchor;
        }

        public String getText() {
            return text;
        }

        public String getTitle() {
            return title;
        }
    }

    public String getWidth() {
        return width;
    }

    public String getHeight() {
        return height;
    }

    public List<Shape> getShapes() {
        return shapes;
    }

    /**
     * The drawing as an inline {@code <svg>} element, text escaped for HTML: the same markup the
     * compiler's {@code svg.ftlh} template prints.
     */
    public String markup(String label) {
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"")
                .append(escape(label))
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\">\n");
        for (Shape s : shapes) {
            switch (s.kind()) {
                case "rect" ->
                    sb.append("<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" fill=\"%s\"><title>%s</title></rect>"
                            .formatted(s.x(), s.y(), s.w(), s.h(), escape(s.fill()), escape(s.title())));
                case "line" ->
                    sb.append("<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke=\"%s\" stroke-width=\"2\"/>"
                            .formatted(s.x(), s.y(), s.x2(), s.y2(), escape(s.stroke())));
                case "circle" ->
                    sb.append("<circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"><title>%s</title></circle>"
                            .formatted(s.x(), s.y(), s.w(), escape(s.fill()), escape(s.title())));
                default ->
                    sb.append(
                            "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" font-size=\"11\" font-family=\"sans-serif\">%s</text>"
                                    .formatted(s.x(), s.y(), escape(s.anchor()), escape(s.text())));
            }
            sb.append('\n');
        }
        return sb.append("</svg>").toString();
    }

    /** HTML-escaped text, as FreeMarker's HTML output format escapes it. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Collects shapes; one per drawing. */
    public static final class Builder {
        private final List<Shape> shapes = new ArrayList<>();

        public Builder rect(double x, double y, double w, double h, String fill, String title) {
            shapes.add(new Shape("rect", f(x), f(y), f(w), f(h), "", "", fill, "", "", "", title));
            return this;
        }

        public Builder line(double x1, double y1, double x2, double y2, String stroke) {
            shapes.add(new Shape("line", f(x1), f(y1), "", "", f(x2), f(y2), "", stroke, "", "", ""));
            return this;
        }

        public Builder circle(double x, double y, double r, String fill, String title) {
            shapes.add(new Shape("circle", f(x), f(y), f(r), "", "", "", fill, "", "", "", title));
            return this;
        }

        public Builder text(double x, double y, String anchor, String text) {
            shapes.add(new Shape("text", f(x), f(y), "", "", "", "", "", "", anchor, text, ""));
            return this;
        }

        public Svg build(double width, double height) {
            return new Svg(f(width), f(height), List.copyOf(shapes));
        }
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
