package com.partnerbot.program;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

import org.springframework.stereotype.Component;

/**
 * The program's charts, drawn on the server as PNG images so Slack and the sandbox show
 * the same pictures.
 */
@Component
public class ProgramCharts {

	/** The charts, in the order staff see them. */
	public static final List<String> NAMES = List.of("health", "revenue", "satisfaction", "onboarding");

	private static final int WIDTH = 720;

	private static final int HEIGHT = 360;

	/** Each chart of the summary as a PNG, by name. */
	public Map<String, byte[]> render(ProgramSummary summary) {
		Map<String, byte[]> charts = new LinkedHashMap<>();
		charts.put("health", png(health(summary)));
		charts.put("revenue", png(revenue(summary)));
		charts.put("satisfaction", png(satisfaction(summary)));
		charts.put("onboarding", png(onboarding(summary)));
		return charts;
	}

	/** What each chart shows, for its alt text. */
	public static String title(String name) {
		return switch (name) {
			case "health" -> "Partners by tier and health";
			case "revenue" -> "Pipeline and won revenue, sourced vs influenced";
			case "satisfaction" -> "PSAT by month";
			case "onboarding" -> "Onboarding funnel";
			default -> name;
		};
	}

	private static JFreeChart health(ProgramSummary summary) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		Map<String, Map<String, Long>> byTier = new LinkedHashMap<>();
		summary.partnersByTier().keySet().forEach(t -> byTier.put(t, new LinkedHashMap<>()));
		for (PartnerMetrics m : summary.partnerMetrics()) {
			byTier.get(m.tier()).merge(m.status().name(), 1L, Long::sum);
		}
		for (PartnerHealth.Status status : PartnerHealth.Status.values()) {
			byTier
				.forEach((tier, counts) -> data.addValue(counts.getOrDefault(status.name(), 0L), label(status), tier));
		}
		JFreeChart chart = ChartFactory.createStackedBarChart(title("health"), null, "partners", data,
				PlotOrientation.VERTICAL, true, false, false);
		CategoryPlot plot = style(chart);
		plot.getRenderer().setSeriesPaint(0, new Color(0x2EB67D));
		plot.getRenderer().setSeriesPaint(1, new Color(0xECB22E));
		plot.getRenderer().setSeriesPaint(2, new Color(0xE01E5A));
		return chart;
	}

	private static JFreeChart revenue(ProgramSummary summary) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		data.addValue(summary.pipeline(), "pipeline", "Pipeline");
		data.addValue(summary.sourcedRevenue(), "sourced", "Won");
		data.addValue(summary.influencedRevenue(), "influenced", "Won");
		JFreeChart chart = ChartFactory.createStackedBarChart(title("revenue"), null, summary.currency(), data,
				PlotOrientation.HORIZONTAL, true, false, false);
		style(chart);
		return chart;
	}

	private static JFreeChart satisfaction(ProgramSummary summary) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (ProgramSummary.Month month : summary.satisfactionTrend()) {
			data.addValue(month.psat(), "PSAT", month.period());
		}
		JFreeChart chart = ChartFactory.createLineChart(title("satisfaction"), null, "PSAT (1-5)", data,
				PlotOrientation.VERTICAL, false, false, false);
		style(chart).getRangeAxis().setRange(1, 5);
		return chart;
	}

	private static JFreeChart onboarding(ProgramSummary summary) {
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		for (ProgramSummary.Funnel step : summary.onboarding()) {
			data.addValue(step.done(), "partners", step.label());
		}
		JFreeChart chart = ChartFactory.createBarChart(title("onboarding"), null, "partners", data,
				PlotOrientation.HORIZONTAL, false, false, false);
		style(chart);
		return chart;
	}

	private static CategoryPlot style(JFreeChart chart) {
		chart.setBackgroundPaint(Color.WHITE);
		CategoryPlot plot = chart.getCategoryPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
		plot.setOutlineVisible(false);
		return plot;
	}

	private static String label(PartnerHealth.Status status) {
		return switch (status) {
			case HEALTHY -> "healthy";
			case WATCH -> "watch";
			case AT_RISK -> "at risk";
		};
	}

	private static byte[] png(JFreeChart chart) {
		try {
			return ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH, HEIGHT));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
