// The national dashboard's bar chart: institutions per province (the server writes the data into the canvas's
// data-chart attribute; no inline script, as the content security policy wants). A bar leads to that province's
// institutions, as the table does.
(function () {
    var canvas = document.getElementById('province-chart');
    if (!canvas || typeof Chart === 'undefined') {
        return;
    }
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    new Chart(canvas, {
        type: 'bar',
        data: {
            labels: data.labels,
            datasets: [{
                label: canvas.getAttribute('data-label'),
                data: data.institutions,
                backgroundColor: 'rgba(155, 28, 28, 0.75)',
                hoverBackgroundColor: 'rgba(122, 18, 18, 0.95)'
            }]
        },
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: {legend: {display: false}},
            scales: {y: {beginAtZero: true, ticks: {precision: 0}}},
            onClick: function (event, elements) {
                if (elements.length > 0) {
                    var province = data.provinces[elements[0].index];
                    window.location.href = '/institutions?province=' + encodeURIComponent(province);
                }
            }
        }
    });
})();
