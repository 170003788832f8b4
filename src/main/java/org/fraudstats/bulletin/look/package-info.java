/**
 * How the bulletins write figures (Formats), name metrics (Labels) and colour the trend (Colours), for both formats.
 * May use metrics' Metric and AreaFigures only.
 */
package org.fraudstats.bulletin.look;
