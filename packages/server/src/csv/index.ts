// Platform-neutral (no Node API): the admin page's bundle writes its CSV with the same code as the server.
export { csvCell, type CsvValue } from './csv-cell'
export { csvRow, toCsv } from './to-csv'
