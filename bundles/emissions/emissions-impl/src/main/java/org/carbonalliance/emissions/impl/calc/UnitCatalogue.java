package org.carbonalliance.emissions.impl.calc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.measure.Dimension;
import javax.measure.IncommensurableException;
import javax.measure.UnconvertibleException;
import javax.measure.Unit;
import javax.measure.UnitConverter;
import tech.units.indriya.function.MultiplyConverter;
import tech.units.indriya.function.RationalNumber;
import tech.units.indriya.unit.BaseUnit;
import tech.units.indriya.unit.TransformedUnit;
import tech.units.indriya.unit.UnitDimension;
import tech.units.indriya.unit.Units;

/**
 * The units activity data and factors may use, by the symbol people write, as JSR 385 units (Indriya). Conversion
 * factors are exact rationals where the definition is exact (a US gallon is 3.785411784 l, a pound 0.45359237 kg,
 * an international BTU 1055.05585262 J). Passengers, vehicles and money are dimensions of their own, so a
 * passenger-km never converts to a km, and each ISO 4217 currency is its own base unit: converting between
 * currencies needs an exchange rate, which is not a unit conversion.
 */
public final class UnitCatalogue {

    private static final Dimension PASSENGER = UnitDimension.parse('P');
    private static final Dimension VEHICLE = UnitDimension.parse('V');
    private static final Map<String, Unit<?>> UNITS = new LinkedHashMap<>();

    static {
        Unit<?> kg = Units.KILOGRAM;
        Unit<?> j = Units.JOULE;
        Unit<?> m3 = Units.CUBIC_METRE;
        Unit<?> m = Units.METRE;
        add("g", scaled(kg, "1", "1000"));
        add("kg", kg);
        add("t", scaled(kg, "1000", "1"));
        add("lb", scaled(kg, "45359237", "100000000"));
        add("short-ton", scaled(kg, "90718474", "100000"));
        add("J", j);
        add("kWh", scaled(j, "3600000", "1"));
        add("MWh", scaled(j, "3600000000", "1"));
        add("GWh", scaled(j, "3600000000000", "1"));
        add("MJ", scaled(j, "1000000", "1"));
        add("GJ", scaled(j, "1000000000", "1"));
        add("TJ", scaled(j, "1000000000000", "1"));
        add("MMBtu", scaled(j, "105505585262", "100"));
        add("therm", scaled(j, "105505585262", "1000"));
        add("l", scaled(m3, "1", "1000"));
        add("m3", m3);
        add("scf", scaled(m3, "28316846592", "1000000000000"));
        add("gal", scaled(m3, "3785411784", "1000000000000"));
        add("km", scaled(m, "1000", "1"));
        add("mile", scaled(m, "1609344", "1000"));
        Unit<?> passengerMetre = new BaseUnit<>("pax", PASSENGER).multiply(m);
        add("passenger-km", scaled(passengerMetre, "1000", "1"));
        add("passenger-mile", scaled(passengerMetre, "1609344", "1000"));
        Unit<?> vehicleMetre = new BaseUnit<>("veh", VEHICLE).multiply(m);
        add("vehicle-km", scaled(vehicleMetre, "1000", "1"));
        add("vehicle-mile", scaled(vehicleMetre, "1609344", "1000"));
        Unit<?> kilogramMetre = kg.multiply(m);
        add("tonne-km", scaled(kilogramMetre, "1000000", "1"));
        add("ton-mile", scaled(kilogramMetre, "145997231821056", "100000000"));
    }

    private UnitCatalogue() {
    }

    private static void add(String symbol, Unit<?> unit) {
        UNITS.put(symbol, unit);
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static Unit<?> scaled(Unit<?> base, String numerator, String denominator) {
        BigDecimal n = new BigDecimal(numerator);
        BigDecimal d = new BigDecimal(denominator);
        // Both as integers over a common power of ten, so the converter stays an exact rational.
        int scale = Math.max(n.scale(), d.scale());
        RationalNumber factor = RationalNumber.of(n.movePointRight(scale).toBigIntegerExact(),
                d.movePointRight(scale).toBigIntegerExact());
        return new TransformedUnit(base, MultiplyConverter.ofRational(factor));
    }

    /** @return the symbols known besides currency codes, in a stable order, for error messages and documentation */
    public static Iterable<String> symbols() {
        return Collections.unmodifiableSet(UNITS.keySet());
    }

    /** @return the unit of {@code symbol}: a known symbol or an ISO 4217 currency code */
    public static Optional<Unit<?>> unit(String symbol) {
        if (symbol == null) {
            return Optional.empty();
        }
        Unit<?> known = UNITS.get(symbol);
        if (known != null) {
            return Optional.of(known);
        }
        return currency(symbol).map(code -> new BaseUnit<>(code, UnitDimension.parse(currencyDimension(code))));
    }

    /** @return whether {@code symbol} is an ISO 4217 currency code (three capital letters Java knows) */
    public static boolean isCurrency(String symbol) {
        return currency(symbol).isPresent();
    }

    private static Optional<String> currency(String symbol) {
        if (symbol == null || !symbol.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(symbol).getCurrencyCode());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A dimension character per currency: distinct currencies never convert into each other. */
    private static char currencyDimension(String code) {
        return (char) (0x4E00 + Currency.getInstance(code).getNumericCode());
    }

    /** @return whether an amount in {@code from} can be expressed in {@code to} */
    public static boolean convertible(String from, String to) {
        try {
            converter(from, to);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * @return {@code amount} of {@code from} expressed in {@code to}, to 20 significant digits
     * @throws IllegalArgumentException naming both units when either is unknown or they measure different things
     */
    public static BigDecimal convert(BigDecimal amount, String from, String to) {
        if (from.equals(to)) {
            return amount;
        }
        Number converted = converter(from, to).convert(amount);
        return converted instanceof BigDecimal big ? big.round(MathContext.DECIMAL128)
                : new BigDecimal(converted.toString()).round(MathContext.DECIMAL128);
    }

    private static UnitConverter converter(String from, String to) {
        Unit<?> source = unit(from).orElseThrow(() -> unknown(from));
        Unit<?> target = unit(to).orElseThrow(() -> unknown(to));
        try {
            return source.getConverterToAny(target);
        } catch (IncommensurableException | UnconvertibleException e) {
            throw new IllegalArgumentException(
                    "'" + from + "' cannot be converted to '" + to + "': they measure different things"
                            + (isCurrency(from) && isCurrency(to)
                                    ? " (converting between currencies needs an exchange rate; enter the amount in "
                                            + to + ")"
                                    : ""));
        }
    }

    private static IllegalArgumentException unknown(String symbol) {
        return new IllegalArgumentException("'" + symbol + "' is not a known unit; use one of "
                + String.join(", ", UNITS.keySet()) + " or an ISO 4217 currency code");
    }
}
