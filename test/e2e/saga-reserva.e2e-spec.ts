import { describeSagaScenarios, SQL_BROKER } from './saga-reserva.scenarios.js';

// The saga on the embedded broker: the SQL message log on SQLite, or on MariaDB/MySQL with MYSQL_URL.
describeSagaScenarios(process.env.MYSQL_URL ? 'MariaDB/MySQL, SQL message log' : 'SQLite, SQL message log', SQL_BROKER);
