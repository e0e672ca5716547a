"""The floor for bench.browser: the least a Streamlit page like the dashboard's can be, three metrics
and one plotly bar chart over constant data, no data warehouse and no queries."""

import plotly.graph_objects as go
import streamlit as st

left, middle, right = st.columns(3)
left.metric("Keluarga terdata", "812.345")
middle.metric("Capaian", "68,7%")
right.metric("Rencana hari ini", "71,2%")
regencies = ["Paser", "Kutai Barat", "Kutai Kartanegara", "Kutai Timur", "Berau"]
st.plotly_chart(go.Figure(go.Bar(x=regencies, y=[71, 64, 69, 58, 73])), width="stretch")
