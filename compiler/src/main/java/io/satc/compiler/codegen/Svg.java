package io.satc.compiler.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A drawing as plain shapes with preformatted coordinates, for templates that only print
 * (no logic in templates). Coordinates are formatted once, with {@code Locale.ROOT}.
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

    /** Collects shapes; one per drawing. */
    static final class Builder {
        private final List<Shape> shapes = new ArrayList<>();

        Builder rect(double x, double y, double w, double h, String fill, String title) {
            shapes.add(new Shape("rect", f(x), f(y), f(w), f(h), "", "", fill, "", "", "", title));
            return this;
        }

        Builder line(double x1, double y1, double x2, double y2, String stroke) {
            shapes.add(new Shape("line", f(x1), f(y1), "", "", f(x2), f(y2), "", stroke, "", "", ""));
            return this;
        }

        Builder circle(double x, double y, double r, String fill, String title) {
            shapes.add(new Shape("circle", f(x), f(y), f(r), "", "", "", fill, "", "", "", title));
            return this;
        }

        Builder text(double x, double y, String anchor, String text) {
            shapes.add(new Shape("text", f(x), f(y), "", "", "", "", "", "", anchor, text, ""));
            return this;
        }

        Svg build(double width, double height) {
            return new Svg(f(width), f(height), List.copyOf(shapes));
        }
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
