// The national dashboard's charts. The server writes each chart into its canvas's data-chart attribute (no inline
// script, as the content security policy wants): {type, horizontal, stacked, labels, datasets: [{label, data, color}],
// links}. A bar or slice with a link leads to the list behind it, as the figures and tables beside the chart do.
(function () {
    if (typeof Chart === 'undefined') {
        return;
    }
    var palette = ['#1e7b45', '#d9822b', '#9b1c1c', '#0a58ca', '#6c757d', '#6f42c1'];
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var chart = JSON.parse(canvas.getAttribute('data-chart'));
        var doughnut = chart.type === 'doughnut';
        var links = chart.links || [];
        new Chart(canvas, {
            type: chart.type,
            data: {
                labels: chart.labels,
                datasets: chart.datasets.map(function (set) {
                    return {
                        label: set.label,
                        data: set.data,
                        backgroundColor: set.color || palette
                    };
                })
            },
            options: {
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                indexAxis: chart.horizontal ? 'y' : 'x',
                plugins: {legend: {display: doughnut || chart.datasets.length > 1, position: 'bottom'}},
                scales: doughnut ? {} : {
                    x: {stacked: chart.stacked, beginAtZero: true},
                    y: {stacked: chart.stacked, beginAtZero: true, ticks: {precision: 0}}
                },
                onClick: function (event, elements) {
                    if (elements.length > 0 && links[elements[0].index]) {
                        window.location.href = links[elements[0].index];
                    }
                },
                onHover: function (event, elements) {
                    var linked = elements.length > 0 && links[elements[0].index];
                    event.native.target.style.cursor = linked ? 'pointer' : 'default';
                }
            }
        });
    });
})();
