package io.diffusim.config;

import static io.diffusim.config.Fields.count;
import static io.diffusim.config.Fields.number;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import io.diffusim.config.DataSpec.Gmm;
import io.diffusim.config.GmmComponent.Covariance;
import io.diffusim.config.GmmComponent.Diagonal;
import io.diffusim.config.GmmComponent.Full;
import io.diffusim.config.GmmComponent.Isotropic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The HOCON form of a Gaussian-mixture data set: explicit components (docs/science.md §3.1) or a geometry (§5.2). */
final class GmmCodec {

    /** Dimension of the 2-D geometries. */
    private static final int PLANE = 2;

    private GmmCodec() {
    }

    static Gmm read(Block b, int n, Subset subset) {
        Reference reference = b.context().reference();
        Optional<Geometry> geometry = b.variant("geometry", Geometry.class, reference.object("geometry-defaults"), false);
        List<GmmComponent> components = components(b, reference.object("gmm-component"));
        boolean hasComponents = !components.isEmpty();
        if (b.given("geometry") == hasComponents) {
            b.error("components", hasComponents
                    ? "expected either components or a geometry, not both"
                    : "expected a non-empty list of components, or a geometry");
        }
        int dim = geometry.map(g -> g.highDimensional() ? count(b, "dim", Limits.DIMENSION) : PLANE)
                .orElse(components.isEmpty() ? 0 : components.get(0).dim());
        return new Gmm(n, subset, components, geometry, dim);
    }

    static void write(Gmm gmm, Map<String, Object> out) {
        List<Map<String, Object>> components = new ArrayList<>();
        for (GmmComponent c : gmm.components()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("weight", c.weight());
            item.put("mean", c.mean());
            item.put("cov", c.cov() instanceof Isotropic iso ? iso.variance()
                    : c.cov() instanceof Diagonal diag ? diag.variances() : ((Full) c.cov()).rows());
            components.add(item);
        }
        out.put("components", components);
        out.put("geometry", gmm.geometry().orElse(null));
        if (gmm.geometry().filter(Geometry::highDimensional).isPresent()) {
            out.put("dim", gmm.dim());
        }
    }

    private static List<GmmComponent> components(Block b, ConfigObject componentDefaults) {
        List<ConfigValue> items = Fields.list(b, "components");
        List<GmmComponent> components = new ArrayList<>();
        double totalWeight = 0;
        for (int i = 0; i < items.size(); i++) {
            Block c = b.element("components", i, items.get(i), componentDefaults);
            double weight = number(c, "weight", NumberRange.NON_NEGATIVE);
            List<Double> mean = Fields.numbers(c, "mean", NumberRange.ANY, size -> size >= 1, "a non-empty list of numbers");
            int firstDim = components.isEmpty() ? mean.size() : components.get(0).dim();
            if (!mean.isEmpty() && mean.size() != firstDim) {
                c.error("mean", "expected " + firstDim + " numbers, as in components[0].mean");
            }
            Covariance cov = mean.isEmpty() ? new Isotropic(1) : covariance(c, mean.size());
            c.finish();
            components.add(new GmmComponent(weight, mean, cov));
            totalWeight += weight;
        }
        if (!items.isEmpty() && !(totalWeight > 0)) {
            b.error("components", "expected at least one component with weight > 0");
        }
        return components;
    }

    private static Covariance covariance(Block c, int dim) {
        String expected = "a variance >= 0, a list of " + dim + " variances >= 0, or a " + dim + "x" + dim
                + " symmetric positive semi-definite matrix (the mean has D = " + dim + ")";
        return c.read("cov", v -> covariance(v, dim), x -> true, expected, new Isotropic(1));
    }

    private static Optional<Covariance> covariance(ConfigValue value, int dim) {
        Optional<Double> scalar = Values.number(value).filter(NumberRange.NON_NEGATIVE::contains);
        if (scalar.isPresent()) {
            return Optional.of(new Isotropic(scalar.get()));
        }
        Optional<List<Double>> vector = Fields.numbers(value, NumberRange.NON_NEGATIVE).filter(xs -> xs.size() == dim);
        if (vector.isPresent()) {
            return Optional.of(new Diagonal(vector.get()));
        }
        if (!(value instanceof List<?> rows) || rows.size() != dim) {
            return Optional.empty();
        }
        List<List<Double>> matrix = new ArrayList<>();
        for (Object row : rows) {
            Optional<List<Double>> numbers = Fields.numbers((ConfigValue) row, NumberRange.ANY).filter(xs -> xs.size() == dim);
            if (numbers.isEmpty()) {
                return Optional.empty();
            }
            matrix.add(numbers.get());
        }
        return SymmetricMatrices.isPositiveSemiDefinite(matrix) ? Optional.of(new Full(matrix)) : Optional.empty();
    }
}
